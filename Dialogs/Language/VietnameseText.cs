using System.Globalization;
using System.Text;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Normalisation of Vietnamese chat text for matching: the folded form is lower case, without
/// diacritics, with punctuation and runs of whitespace turned into single spaces, and with the way Vietnamese is
/// typed in chat brought back to plain words.
/// </summary>
/// <remarks>
/// Data-driven: teen code, regional words and device names as said come from Language/Data/normalisation.vi.tsv
/// (an entry typed without diacritics applies only to words typed without diacritics, so "hồng" (a name) stays
/// "hong" while the chat spelling "hong" becomes "khong"); words left in Telex/VNI spelling ("ddungs", "khoong",
/// "co1") are decoded by <see cref="TelexLeftovers"/>. A letter drawn out for emphasis ("okeee", "khôngggg": three or
/// more at the end of a word) counts once. Because aliases and phrases are folded with the same function, "cccd" still
/// matches an alias written "cccd".
/// </remarks>
public static class VietnameseText
{
    /// <summary>The folded form used for all matching, e.g. "Sđt  của EM: 09.." → "so dien thoai cua em 09".</summary>
    public static string Fold(string text) => Memo(text).Joined;

    /// <summary>The folded form as words (typed words expanded, so one typed token may give several words).</summary>
    public static IReadOnlyList<string> FoldedWords(string text) => Memo(text).Words;

    /// <summary>Each folded word with the typed word(s) it comes from (lower case, with the student's diacritics) and where they end in the text.</summary>
    public static IReadOnlyList<(string Typed, string Folded, int End)> TypedAndFolded(string text) => Memo(text).TypedAndFolded;

    /// <summary>
    /// Folding is a pure function of the text, and the readers of one message fold the same strings again and again:
    /// about 16 times a turn in the load driver (the message, option labels, the answers kept in the profile), 3% of a
    /// turn's CPU and 9% of what it allocated (issue 12). Each thread keeps what it folded last. A weak table keyed by
    /// string instance was tried first: its handles made every gen0 collection a third longer.
    /// </summary>
    [ThreadStatic]
    private static RecentResults<string, FoldedText>? recentFolds;

    private static FoldedText Memo(string? text) =>
        (recentFolds ??= new RecentResults<string, FoldedText>(32, StringComparer.Ordinal))
            .GetOrAdd(text ?? "", static t => new FoldedText(Compute(t)));

    private sealed class FoldedText(IReadOnlyList<(string Typed, string Folded, int End)> typedAndFolded)
    {
        private IReadOnlyList<string>? words;
        private string? joined;

        public IReadOnlyList<(string Typed, string Folded, int End)> TypedAndFolded { get; } = typedAndFolded;

        // Worked out on first use (a thread's own; were two threads to race, both would compute the same value).
        public IReadOnlyList<string> Words => words ??= TypedAndFolded.Select(w => w.Folded).ToList().AsReadOnly();

        public string Joined => joined ??= string.Join(' ', Words);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<(string Typed, string Folded, int End)> Compute(string text)
    {
        var spans = TokenSpans(text);
        var typed = spans.Select(t => Unstretch(t.Token)).ToList();
        var words = new List<(string, string, int)>(typed.Count);
        for (var i = 0; i < typed.Count;)
        {
            if (TypedWordTable.Chat.MatchAt(typed, i) is var (length, folded))
            {
                var source = string.Join(' ', typed.Skip(i).Take(length));
                var end = spans[i + length - 1].Start + spans[i + length - 1].Token.Length;
                words.AddRange(folded.Select(f => (source, f, end)));
                i += length;
                continue;
            }
            words.Add((typed[i], TelexLeftovers.Decode(typed[i]) ?? StripDiacritics(typed[i]), spans[i].Start + spans[i].Token.Length));
            i++;
        }
        return words.AsReadOnly();
    }

    /// <summary>The words of the text (NFC, lower case) and where each starts in the NFC text.</summary>
    public static IReadOnlyList<(int Start, string Token)> TokenSpans(string text)
    {
        var spans = new List<(int, string)>();
        var nfc = (text ?? "").Normalize(NormalizationForm.FormC);
        var start = -1;
        for (var i = 0; i <= nfc.Length; i++)
        {
            var word = i < nfc.Length && IsWordChar(nfc[i]);
            if (word && start < 0) start = i;
            if (!word && start >= 0) { spans.Add((start, nfc[start..i].ToLowerInvariant())); start = -1; }
        }
        return spans;
    }

    /// <summary>Splits text into words (NFC, lower case): letters, digits and their combining marks; everything else separates.</summary>
    public static IReadOnlyList<string> Tokens(string text) => TokenSpans(text).Select(s => s.Token).ToList();

    /// <summary>
    /// The text lower case with each word replaced by its folded form and everything else (digits' separators, "/", "?")
    /// kept: "Hum nay 25/11?" → "hom nay 25/11?". For readers whose patterns need punctuation (dates).
    /// </summary>
    public static string Normalise(string text)
    {
        text = (text ?? "").Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { sb.Append(text[i]); i++; continue; }
            // A run of words separated by single spaces: folded together so multi-word entries ("hum nay") apply.
            var end = i;
            while (end < text.Length && (IsWordChar(text[end]) || text[end] == ' ' && end + 1 < text.Length && IsWordChar(text[end + 1]))) end++;
            sb.Append(Fold(text[i..end]));
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>Folds one typed word (already split, lower case or not); may return several words separated by spaces.</summary>
    public static string FoldToken(string token) => string.Join(' ', FoldedWords(token));

    /// <summary>"okeee" → "oke", "khôngggg" → "không": a letter repeated three or more times at the end of a word counts once.</summary>
    private static string Unstretch(string word)
    {
        var end = word.Length;
        if (end < 3 || !char.IsLetter(word[end - 1])) return word;
        var start = end - 1;
        while (start > 0 && word[start - 1] == word[end - 1]) start--;
        return end - start >= 3 ? word[..(start + 1)] : word;
    }

    /// <summary>Removes Vietnamese (and other) diacritics, đ → d, keeping case and every other character.</summary>
    public static string StripDiacritics(string text)
    {
        text ??= "";
        // Every word of every message comes here: letters with a known base (ASCII, Latin with diacritics) and combining
        // marks are mapped one by one; anything else takes the full Unicode path (the same result, two ICU calls).
        if (text.Length <= 256)
        {
            Span<char> folded = stackalloc char[text.Length];
            var length = 0;
            var mapped = true;
            foreach (var c in text)
            {
                if (c < 0x80) folded[length++] = c;
                else if (LatinBases.TryGetValue(c, out var letter)) folded[length++] = letter;
                else if (!IsMark(c)) { mapped = false; break; }
            }
            if (mapped)
                return length == text.Length && folded[..length].SequenceEqual(text) ? text : new string(folded[..length]);
        }
        return StripDiacriticsSlow(text);
    }

    /// <summary>
    /// For each Latin letter with diacritics (U+00C0–U+024F, U+1E00–U+1EFF): its base letter, as the full path gives it
    /// (computed from that path once, at start, so both always agree).
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<char, char> LatinBases = BuildLatinBases();

    private static System.Collections.Frozen.FrozenDictionary<char, char> BuildLatinBases()
    {
        var bases = new Dictionary<char, char>();
        foreach (var (from, to) in new[] { ('\u00C0', '\u024F'), ('\u1E00', '\u1EFF') })
            for (var c = from; c <= to; c++)
                if (StripDiacriticsSlow(c.ToString()) is [var letter] && letter < 0x80)
                    bases[c] = letter;
        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(bases);
    }

    private static string StripDiacriticsSlow(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsMark(c)) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when any letter carries a Vietnamese diacritic (tone or vowel mark) or is đ/Đ.</summary>
    public static bool HasDiacritics(string text)
    {
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (c is 'đ' or 'Đ') return true;
            // grave, acute, circumflex, tilde, breve, hook above, horn, dot below
            if (c is '\u0300' or '\u0301' or '\u0302' or '\u0303' or '\u0306' or '\u0309' or '\u031B' or '\u0323') return true;
        }
        return false;
    }

    /// <summary>Whether folded text contains the folded phrase as whole words.</summary>
    public static bool ContainsPhrase(string foldedText, string foldedPhrase)
    {
        // As " text ".Contains(" phrase "), without building either string (it runs for every phrase of every table).
        if (foldedPhrase.Length == 0) return false;
        var text = foldedText.AsSpan();
        for (var from = 0; from <= text.Length - foldedPhrase.Length;)
        {
            var found = text[from..].IndexOf(foldedPhrase, StringComparison.Ordinal);
            if (found < 0) return false;
            var start = from + found;
            var end = start + foldedPhrase.Length;
            if ((start == 0 || text[start - 1] == ' ') && (end == text.Length || text[end] == ' ')) return true;
            from = start + 1;
        }
        return false;
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || IsMark(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
