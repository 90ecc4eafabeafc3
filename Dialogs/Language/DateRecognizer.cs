using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads a date in Vietnamese chat: always day before month.
/// Numeric: "17/8/2020", "17-08-2020", "17.8.2020", "17/8" (this year), "17/8/20" (2020); ISO "2020-08-17" (year first, four digits).
/// Words: "ngày 17 tháng 8 năm 2020", "17 thg 8", "17 th8 2020", "17 tháng tám".
/// Relative: "hôm nay"/"nay", "mai"/"ngày mai", "ngày kia"/"ngày mốt", "hôm qua", "hôm kia".
/// Weekdays (weeks run Monday–Sunday): "thứ 6 này" = the Friday of this week, "thứ hai tuần sau" =
/// Monday of next week, "thứ 3 tuần trước" (chat spelling "t6", "t2 tuần sau" too), and a bare "chủ nhật"/"thứ 6" = the next such day from today on.
/// An impossible date ("31/2") gives null, never a guess.
/// </summary>
public static partial class DateRecognizer
{
    public static DateOnly? Recognize(string text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Lower case without diacritics, separators kept: "Ngày 17/8" → "ngay 17/8".
        var plain = VietnameseText.StripDiacritics(text).ToLowerInvariant();

        if (IsoDate().Match(plain) is { Success: true } iso)
            return Build(iso.Groups["d"].Value, iso.Groups["m"].Value, iso.Groups["y"].Value, today);
        if (NumericDate().Match(plain) is { Success: true } numeric)
            return Build(numeric.Groups["d"].Value, numeric.Groups["m"].Value, numeric.Groups["y"].Value, today);
        if (WordDate().Match(plain) is { Success: true } words)
        {
            var month = VietnameseNumbers.Parse(words.Groups["m"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return month is null ? null : Build(words.Groups["d"].Value, month.Value.ToString(), words.Groups["y"].Value, today);
        }
        var folded = " " + VietnameseText.Fold(text) + " ";
        return Weekday(folded, today) ?? Relative(folded, today);
    }

    private static DateOnly? Build(string day, string month, string year, DateOnly today)
    {
        var d = int.Parse(day);
        var m = int.Parse(month);
        var y = year.Length == 0 ? today.Year : int.Parse(year);
        if (year.Length == 2) y += y <= today.Year % 100 + 1 ? 2000 : 1900;
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    private static DateOnly? Relative(string folded, DateOnly today)
    {
        (string Phrase, int Days)[] relative =
        [
            ("hom nay", 0), ("ngay hom nay", 0), ("today", 0), ("bay gio", 0), ("luon hom nay", 0),
            ("ngay mai", 1), ("mai", 1), ("tomorrow", 1),
            ("ngay kia", 2), ("ngay mot", 2),
            ("hom qua", -1), ("yesterday", -1), ("hom kia", -2),
        ];
        foreach (var (phrase, days) in relative)
            if (folded.Contains($" {phrase} ", StringComparison.Ordinal)) return today.AddDays(days);
        // "nay"/"mốt" alone are today/the day after tomorrow; inside a sentence it is too common ("thứ 6 này") to mean it.
        return folded.Trim() switch
        {
            "nay" or "nay a" or "ngay nay" => today,
            "mot" or "mot a" => today.AddDays(2), // "mốt" = the day after tomorrow
            _ => null,
        };
    }

    private static DateOnly? Weekday(string folded, DateOnly today)
    {
        if (WeekdayPattern().Match(folded) is not { Success: true } m) return null;
        var day = m.Groups["day"].Value switch
        {
            "chu nhat" or "cn" => DayOfWeek.Sunday,
            var w => (DayOfWeek)(VietnameseNumbers.Parse(w.Split(' ')) is int n and >= 2 and <= 7 ? n - 1 : -1),
        };
        if ((int)day < 0) return null;
        var offsetFromMonday = ((int)day + 6) % 7;                  // Monday 0 … Sunday 6
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var week = m.Groups["week"].Value;
        return week switch
        {
            "tuan sau" or "tuan toi" => monday.AddDays(7 + offsetFromMonday),
            "tuan truoc" or "tuan roi" => monday.AddDays(-7 + offsetFromMonday),
            "nay" or "tuan nay" => monday.AddDays(offsetFromMonday),
            _ => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7),
        };
    }

    [GeneratedRegex(@"(?<![\d/\-.])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d/\-.])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{4}|\d{2}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*(?:thang|thg|th|t)\s*(?<m>\d{1,2}|(?:(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|gieng|chap)\s*){1,2})(?:\s*,?\s*(?:nam|n)?\s*(?<y>\d{4}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();

    [GeneratedRegex(@" (?:thu (?<day>[2-7]|hai|ba|tu|nam|sau|bay)|t(?<day>[2-7])|(?<day>chu nhat|cn)) (?:(?<week>tuan sau|tuan toi|tuan truoc|tuan roi|tuan nay|nay) )?", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();
}
