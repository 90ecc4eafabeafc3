namespace VssBot.Dialogs.Language;

/// <summary>
/// Words left in Telex or VNI spelling when the phone's Vietnamese keyboard is off: "ddungs rooif" (đúng rồi),
/// "khoong" (không), "co1" (có). Decoded straight to the folded form (no diacritics), which is all matching needs.
/// </summary>
/// <remarks>
/// Telex: a tone letter (s f r x j) ends the word after a possible Vietnamese syllable end (a vowel or c ch m n ng nh p t),
/// and/or doubled letters (dd aa ee oo) or w-marks (aw ow uw) mark a vowel. VNI: tone/mark digits 1–9 right after a vowel
/// (9 after d). A Vietnamese syllable never ends in s f r x j, so no Vietnamese word is changed; English and brand words
/// that look like Telex ("ios", "yes", "bus") fold the same way on both sides of a match (tables are folded with the same rule).
/// </remarks>
public static class TelexLeftovers
{
    private const string Vowels = "aeiouy";
    private static readonly string[] Finals = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

    /// <summary>The folded word, or null when the word shows no Telex/VNI marks.</summary>
    public static string? Decode(string word)
    {
        if (word.Length < 2 || !word.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') || !char.IsAsciiLetter(word[0])) return null;
        return word.Any(char.IsAsciiDigit) ? Vni(word) : Telex(word);
    }

    private static string? Telex(string word)
    {
        var marked = false;
        var body = word;
        if ("sfrxj".Contains(body[^1]) && body.Length >= 2)
        {
            var rest = body[..^1].TrimEnd('w'); // "uwf" (ừ), "nhows" (nhớ): the vowel mark comes before the tone
            if (rest.Length > 0 && rest.Any(c => Vowels.Contains(c)) && (Vowels.Contains(rest[^1]) || Finals.Any(f => rest.EndsWith(f, StringComparison.Ordinal) && rest.Length > f.Length)))
            {
                body = rest;
                marked = true;
            }
        }
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (i + 1 < body.Length && body[i + 1] == c && c is 'd' or 'a' or 'e' or 'o') { sb.Append(c); i++; marked = true; continue; }
            if (c == 'w' && i > 0 && body[i - 1] is 'a' or 'o' or 'u') { marked = true; continue; }
            sb.Append(c);
        }
        var decoded = sb.ToString();
        return marked && decoded.Any(c => Vowels.Contains(c)) && decoded != word ? decoded : null;
    }

    private static string? Vni(string word)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsAsciiDigit(c)) { sb.Append(c); continue; }
            var previous = word[i - 1];
            var valid = c != '0' && (Vowels.Contains(previous) || c == '9' && previous == 'd');
            if (!valid) return null;
        }
        return sb.Length >= 2 ? sb.ToString() : null;
    }
}
