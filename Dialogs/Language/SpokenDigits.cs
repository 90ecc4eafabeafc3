using System.Collections.Frozen;
using System.Text;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Numbers dictated to a phone's voice typing come out as words: "không chín một hai, ba bốn năm…" → "0912345…".
/// Six or more digit words in a row (commas, dots and dashes between them allowed) become one number; fewer are
/// left alone ("năm 2005", "tổ 3"), because only phone, ID and insurance numbers are dictated this way.
/// </summary>
public static class SpokenDigits
{
    private const int MinimumRun = 6;

    private static readonly FrozenDictionary<string, char> Digits = new Dictionary<string, char>
    {
        ["khong"] = '0', ["linh"] = '0', ["mot"] = '1', ["hai"] = '2', ["ba"] = '3', ["bon"] = '4', ["tu"] = '4',
        ["nam"] = '5', ["lam"] = '5', ["sau"] = '6', ["bay"] = '7', ["bay"] = '7', ["tam"] = '8', ["chin"] = '9',
        ["zero"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4', ["five"] = '5', ["six"] = '6',
        ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    }.ToFrozenDictionary();

    /// <summary>The text with dictated numbers written as digits, and whether anything was rewritten.</summary>
    public static (string Text, bool Rewritten) Rewrite(string text)
    {
        text = (text ?? "").Normalize(NormalizationForm.FormC);
        var spans = VietnameseText.TokenSpans(text);
        var sb = new StringBuilder();
        var copied = 0;
        var rewritten = false;
        for (var i = 0; i < spans.Count;)
        {
            var j = i;
            var digits = new StringBuilder();
            while (j < spans.Count && DigitsOf(spans[j].Token) is { } d && (j == i || OnlySeparators(text, spans[j - 1], spans[j])))
            {
                digits.Append(d);
                j++;
            }
            var words = Enumerable.Range(i, j - i).Count(k => !spans[k].Token.All(char.IsAsciiDigit));
            if (j - i >= MinimumRun && words >= MinimumRun / 2)
            {
                sb.Append(text, copied, spans[i].Start - copied).Append(digits);
                copied = spans[j - 1].Start + spans[j - 1].Token.Length;
                rewritten = true;
                i = j;
                continue;
            }
            i = Math.Max(i + 1, j == i ? i + 1 : i + 1);
        }
        sb.Append(text, copied, text.Length - copied);
        return (sb.ToString(), rewritten);
    }

    private static string? DigitsOf(string token) =>
        token.All(char.IsAsciiDigit) && token.Length <= 4 ? token
        : Digits.TryGetValue(VietnameseText.StripDiacritics(token), out var d) ? d.ToString() : null;

    private static bool OnlySeparators(string text, (int Start, string Token) before, (int Start, string Token) after)
    {
        var gap = text.AsSpan(before.Start + before.Token.Length, after.Start - before.Start - before.Token.Length);
        foreach (var c in gap) if (c is not (' ' or ',' or '.' or '-')) return false;
        return true;
    }
}
