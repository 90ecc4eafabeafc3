using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>Finds numbers typed with grouping: "001 203 012 345", "0912.345.678", "0113-099-841".</summary>
public static partial class DigitRuns
{
    /// <summary>A number found in text: its digits only, and where it was typed.</summary>
    public readonly record struct DigitRun(string Digits, int Index, int Length, bool HasPlus);

    // Digits separated by at most two spaces, dots, dashes or brackets between groups, or a spaced dot ("0 9 7 2 . 1 1 1").
    [GeneratedRegex(@"(?<plus>\+\s?)?\(?\d(?:(?:[ .\-()]{0,2}| \. )\d)*", RegexOptions.CultureInvariant)]
    private static partial Regex RunPattern();

    /// <summary>All digit runs in text, in order. A run is not glued to letters on either side ("a123" is not a run).</summary>
    public static IReadOnlyList<DigitRun> Find(string text)
    {
        var runs = new List<DigitRun>();
        foreach (Match m in RunPattern().Matches(text ?? ""))
        {
            var before = m.Index > 0 ? text![m.Index - 1] : ' ';
            var after = m.Index + m.Length < text!.Length ? text[m.Index + m.Length] : ' ';
            if (char.IsLetter(before) || char.IsLetter(after)) continue;
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            runs.Add(new DigitRun(digits, m.Index, m.Length, m.Groups["plus"].Success));
        }
        return runs;
    }

    /// <summary>The first digit run, or null when the text holds no number.</summary>
    public static DigitRun? First(string text) => Find(text) is [var first, ..] ? first : null;
}
