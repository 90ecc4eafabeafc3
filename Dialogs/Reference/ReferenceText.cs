using System.Globalization;
using System.Text;

namespace VssBot.Dialogs.Reference;

/// <summary>
/// Small text helpers for matching reference names: Vietnamese diacritic folding, edit distance, slugs.
/// Internal on purpose, one file, so it can later be unified with Language/VietnameseText.
/// </summary>
internal static class ReferenceText
{
    /// <summary>Lower case, no diacritics ("đ" → "d"), punctuation as spaces, single spaces, trimmed.</summary>
    public static string Fold(string? text) => Normalize(text, removeDiacritics: true);

    /// <summary>Lower case, diacritics kept (NFC), punctuation as spaces, single spaces, trimmed.</summary>
    public static string Lower(string? text) => Normalize(text, removeDiacritics: false);

    /// <summary>A URL/id-safe form: folded words joined by '-' ("BHXH cơ sở Cầu Giấy" → "bhxh-co-so-cau-giay").</summary>
    public static string Slug(string text) => Fold(text).Replace(' ', '-');

    private static string Normalize(string? text, bool removeDiacritics)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                if (!removeDiacritics && sb.Length > 0 && !pendingSpace) sb.Append(ch);
                continue;
            }
            var c = ch == 'đ' && removeDiacritics ? 'd' : ch;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else pendingSpace = true;
        }
        return removeDiacritics ? sb.ToString() : sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at max + 1.</summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max == int.MaxValue ? max : max + 1;
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, prev2[j - 2] + 1);
                cur[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }

    /// <summary>If the folded text starts with one of the folded prefixes as whole words, the rest and that prefix.</summary>
    public static (string Remainder, string? Prefix) StripPrefix(string folded, IEnumerable<string> foldedPrefixes)
    {
        foreach (var prefix in foldedPrefixes.OrderByDescending(p => p.Length))
        {
            if (folded.Length > prefix.Length && folded.StartsWith(prefix + " ", StringComparison.Ordinal))
                return (folded[(prefix.Length + 1)..], prefix);
        }
        return (folded, null);
    }
}
