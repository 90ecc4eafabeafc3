using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Normalisation of Vietnamese chat text for matching: the folded form is lower case, without
/// diacritics, with punctuation and runs of whitespace turned into single spaces, and with common
/// chat abbreviations ("teen code") expanded as whole words.
/// </summary>
/// <remarks>
/// Abbreviations are expanded only when the student typed the token WITHOUT diacritics (or in the
/// exact listed form, e.g. "đc", "sđt"), so "hồng" (a name, "pink") stays "hong" while the chat
/// spelling "hong" becomes "khong". Expanded: ko/k/kh/hok/hong/hông/khg → khong; dc/đc → duoc;
/// sdt/sđt → so dien thoai; dt/đt → dien thoai; cccd → can cuoc cong dan; cmnd/cmt → chung minh nhan dan;
/// bhxh → bao hiem xa hoi; tp → thanh pho; hn → ha noi; hcm/tphcm → (thanh pho) ho chi minh;
/// ok/oke/okie/okay/oki → ok; vs → voi; j → gi; mk/mik/mh → minh; e → em; r → roi; bit/bik/bít → biet;
/// cx → cung; ns → noi; thg → thang; khum/hum → khong; hnay → hom nay; hqua → hom qua. A letter drawn out for emphasis
/// ("okeee", "khôngggg", "dạaaa": three or more at the end of a word) counts once. Not expanded: the single letter "a" (anh): it is also an
/// exclamation, a list letter and part of addresses ("ngõ 5 A"). Because aliases and phrases are
/// folded with the same function, "cccd" still matches an alias written "cccd".
/// </remarks>
public static class VietnameseText
{
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["ko"] = "khong", ["k"] = "khong", ["kh"] = "khong", ["hok"] = "khong", ["hong"] = "khong",
        ["hông"] = "khong", ["khg"] = "khong", ["kg"] = "khong", ["khong"] = "khong", ["khum"] = "khong", ["hum"] = "khong",
        ["dc"] = "duoc", ["đc"] = "duoc", ["duoc"] = "duoc", ["dk"] = "duoc",
        ["sdt"] = "so dien thoai", ["sđt"] = "so dien thoai", ["dt"] = "dien thoai", ["đt"] = "dien thoai",
        ["cccd"] = "can cuoc cong dan", ["cmnd"] = "chung minh nhan dan", ["cmt"] = "chung minh nhan dan",
        ["bhxh"] = "bao hiem xa hoi",
        ["tp"] = "thanh pho", ["hn"] = "ha noi", ["hcm"] = "ho chi minh", ["tphcm"] = "thanh pho ho chi minh",
        ["ok"] = "ok", ["oke"] = "ok", ["okie"] = "ok", ["okay"] = "ok", ["oki"] = "ok", ["okê"] = "ok",
        ["vs"] = "voi", ["j"] = "gi", ["mk"] = "minh", ["mik"] = "minh", ["mh"] = "minh",
        ["e"] = "em", ["r"] = "roi", ["bit"] = "biet", ["bik"] = "biet", ["bít"] = "biet",
        ["cx"] = "cung", ["ns"] = "noi", ["thg"] = "thang", ["hnay"] = "hom nay", ["hqua"] = "hom qua",
    }.ToFrozenDictionary();

    /// <summary>The folded form used for all matching, e.g. "Sđt  của EM: 09.." → "so dien thoai cua em 09".</summary>
    public static string Fold(string text) => string.Join(' ', FoldedWords(text));

    /// <summary>The folded form as words (abbreviations expanded, so one typed token may give several words).</summary>
    public static IReadOnlyList<string> FoldedWords(string text)
    {
        var words = new List<string>();
        foreach (var token in Tokens(text))
            words.AddRange(FoldToken(token).Split(' '));
        return words;
    }

    /// <summary>Folds one typed word (already split, lower case or not); may return several words separated by spaces.</summary>
    public static string FoldToken(string token)
    {
        var lower = Unstretch(token.Normalize(NormalizationForm.FormC).ToLowerInvariant());
        return Abbreviations.TryGetValue(lower, out var expanded) ? expanded : StripDiacritics(lower);
    }

    /// <summary>"okeee" → "oke", "khôngggg" → "không": a letter repeated three or more times at the end of a word counts once.</summary>
    private static string Unstretch(string word)
    {
        var end = word.Length;
        if (end < 3 || !char.IsLetter(word[end - 1])) return word;
        var start = end - 1;
        while (start > 0 && word[start - 1] == word[end - 1]) start--;
        return end - start >= 3 ? word[..(start + 1)] : word;
    }

    /// <summary>Splits text into words (NFC, lower case): letters, digits and their combining marks; everything else separates.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (IsWordChar(c)) { current.Append(c); continue; }
            if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>Removes Vietnamese (and other) diacritics, đ → d, keeping case and every other character.</summary>
    public static string StripDiacritics(string text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
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
    public static bool ContainsPhrase(string foldedText, string foldedPhrase) =>
        foldedPhrase.Length > 0 && $" {foldedText} ".Contains($" {foldedPhrase} ", StringComparison.Ordinal);

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || IsMark(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
