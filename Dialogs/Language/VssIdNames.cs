using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>What students call the app (Language/Data/vssid-names.vi.tsv): "ứng dụng BHXH số", "app bảo hiểm", "vss id" → "vssid".</summary>
public static class VssIdNames
{
    private static readonly Regex Names = new(
        @"\b(?:" + string.Join('|', LanguageTables.Rows("vssid-names.vi.tsv")
            .Select(r => VietnameseText.Fold(r[0])).Where(n => n.Length > 0).OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Folded text with every name of the app written "vssid".</summary>
    public static string Replace(string folded) => Names.Replace(folded, "vssid");
}
