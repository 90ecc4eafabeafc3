using System.Globalization;
using System.Text;

namespace VssBot.Dialogs.Reference;

/// <summary>
/// Small text helpers for matching reference names: Vietnamese diacritic folding without the chat abbreviations
/// of <see cref="Language.VietnameseText.Fold"/> (names are not teen-code), slugs. Edit distance: <see cref="Language.EditDistance"/>.
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
