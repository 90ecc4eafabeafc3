using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>A date read from a message: the date, how surely, and the dates offered when there were several.</summary>
public sealed record DateReading(DateOnly? Date, Certainty Certainty, IReadOnlyList<DateOnly> Candidates)
{
    public static DateReading None { get; } = new(null, Certainty.Exact, []);

    /// <summary>A date the student gave without doubt (it may still need a confirmation).</summary>
    public bool IsAnswer => Date is not null && Certainty.IsAnswer();
}

/// <summary>
/// Reads a date in Vietnamese chat: day before month, except a four-digit year first ("2026/12/01", ISO "2026-12-01").
/// Numeric: "17/8/2020", "17-08-2020", "17.8.2020", "17/8" (this year), "17/8/20" (2020).
/// Words, also dictated: "ngày 17 tháng 8 năm 2020", "17 thg 8", "mười bảy tháng tám", "mồng 5 tháng sau".
/// Relative: "hôm nay"/"bữa nay"/"chiều nay", "mai"/"sáng mai", "ngày kia"/"ngày mốt", "hôm qua", "3 ngày nữa", "1 tuần nữa".
/// Weekdays (weeks run Monday–Sunday): "thứ 6 này", "thứ hai tuần sau", "t6"; a bare "thứ 6" = the next such day from today on.
/// Never a guess: "mai mốt" (some day soon) is no date; "thang sau" typed without diacritics is both "tháng sau" (next month)
/// and "tháng sáu" (June), so both are offered; an impossible date ("31/2") is none; the whole message is read with
/// <see cref="MessageReading"/> (corrections, hedges, two dates offered).
/// </summary>
public static partial class DateRecognizer
{
    /// <summary>The date the student gave as theirs without doubt, or null (see <see cref="Read"/> for the rest).</summary>
    public static DateOnly? Recognize(string text, DateOnly today) => Read(text, today) is { IsAnswer: true } r ? r.Date : null;

    public static DateReading Read(string text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return DateReading.None;
        var norm = DayWords().Replace(VietnameseText.Normalise(text), m =>
            VietnameseNumbers.Parse(m.Groups["n"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) is int n ? $"{m.Groups["pre"].Value}{n} thang" : m.Value);
        var nextMonthTyped = NextMonthMeaning(text);
        var spotted = new List<Spotted<DateOnly>>();
        void Add(Match m, DateOnly? date)
        {
            if (spotted.Any(s => m.Index < s.Index + s.Length && s.Index < m.Index + m.Length)) return;
            if (date is { } d) spotted.Add(new Spotted<DateOnly>(m.Index, m.Length, d));
            else spotted.Add(new Spotted<DateOnly>(m.Index, m.Length, DateOnly.MinValue)); // impossible: remembered to refuse
        }

        foreach (Match m in YearFirst().Matches(norm)) Add(m, Build(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value, today));
        foreach (Match m in NumericDate().Matches(norm)) Add(m, Build(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value, today));
        foreach (Match m in WordDate().Matches(norm))
        {
            var monthWords = m.Groups["m"].Value.Trim();
            if (monthWords == "sau" && nextMonthTyped != NextMonth.June)
            {
                var next = today.AddMonths(1);
                Add(m, Build(m.Groups["d"].Value, next.Month.ToString(), next.Year.ToString(), today));
                if (nextMonthTyped == NextMonth.Unclear && Build(m.Groups["d"].Value, "6", m.Groups["y"].Value, today) is { } june)
                    spotted.Add(new Spotted<DateOnly>(m.Index + m.Length, 0, june)); // "thang sau": June too
                continue;
            }
            var month = VietnameseNumbers.Parse(monthWords.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Add(m, month is null ? null : Build(m.Groups["d"].Value, month.Value.ToString(), m.Groups["y"].Value, today));
        }
        foreach (Match m in InDays().Matches(norm))
        {
            var n = VietnameseNumbers.Parse(m.Groups["n"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (n is null or > 366) continue;
            Add(m, today.AddDays(n.Value * (m.Groups["unit"].Value == "tuan" ? 7 : 1)));
        }
        foreach (Match m in WeekdayPattern().Matches(" " + norm + " ")) AddShifted(m, Weekday(m, today));
        foreach (Match m in Vague().Matches(" " + norm + " ")) AddShifted(m, null, vague: true);
        foreach (Match m in RelativePattern().Matches(" " + norm + " ")) AddShifted(m, today.AddDays(RelativeDays(m.Groups["p"].Value)));
        var whole = norm.Trim(' ', '.', '!');
        if (spotted.Count == 0 && whole is "nay" or "nay a" or "ngay nay") return new DateReading(today, Certainty.Extracted, [today]);
        if (spotted.Count == 0 && whole is "mot" or "mot a") return new DateReading(today.AddDays(2), Certainty.Extracted, [today.AddDays(2)]);

        void AddShifted(Match m, DateOnly? date, bool vague = false)
        {
            // Matched in " norm ": padded index i + 1 is norm index i; the match's own spaces are left out.
            var index = Math.Min(m.Index, norm.Length);
            var length = Math.Max(0, Math.Min(m.Value.Trim().Length, norm.Length - index));
            if (spotted.Any(s => index < s.Index + s.Length && s.Index < index + length)) return;
            spotted.Add(new Spotted<DateOnly>(index, length, vague ? DateOnly.MaxValue : date ?? DateOnly.MinValue));
        }

        if (spotted.Count == 0) return DateReading.None;
        // An impossible date or a vague "mai mốt" anywhere: no guess.
        if (spotted.Any(s => s.Value == DateOnly.MinValue || s.Value == DateOnly.MaxValue)) return DateReading.None;
        var picked = MessageReading.Pick(norm, spotted)!;
        return new DateReading(picked.Value, picked.Certainty, picked.Candidates);
    }

    private enum NextMonth { Next, June, Unclear }

    /// <summary>"tháng sau" typed with its marks, or a message typed with diacritics, means next month; "tháng sáu" June; plain "thang sau" either.</summary>
    private static NextMonth NextMonthMeaning(string text)
    {
        var lower = text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
        if (lower.Contains("sáu", StringComparison.Ordinal)) return NextMonth.June;
        return lower.Contains("tháng", StringComparison.Ordinal) ? NextMonth.Next : NextMonth.Unclear;
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

    private static int RelativeDays(string phrase) => phrase switch
    {
        "hom qua" or "yesterday" => -1,
        "hom kia" => -2,
        "ngay kia" or "ngay mot" => 2,
        "ngay mai" or "mai" or "tomorrow" or "sang mai" or "chieu mai" or "toi mai" or "trua mai" => 1,
        _ => 0,
    };

    private static DateOnly? Weekday(Match m, DateOnly today)
    {
        var day = m.Groups["day"].Value switch
        {
            "chu nhat" or "cn" => DayOfWeek.Sunday,
            var w => (DayOfWeek)(VietnameseNumbers.Parse(w.Split(' ')) is int n and >= 2 and <= 7 ? n - 1 : -1),
        };
        if ((int)day < 0) return null;
        var offsetFromMonday = ((int)day + 6) % 7;                  // Monday 0 … Sunday 6
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return m.Groups["week"].Value switch
        {
            "tuan sau" or "tuan toi" => monday.AddDays(7 + offsetFromMonday),
            "tuan truoc" or "tuan roi" => monday.AddDays(-7 + offsetFromMonday),
            "nay" or "tuan nay" => monday.AddDays(offsetFromMonday),
            _ => today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7),
        };
    }

    private const string NumberWord = "(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|mươi|linh|le)";

    /// <summary>Dictated days: "mười bảy tháng", "mồng năm tháng" → "17 thang", "5 thang".</summary>
    [GeneratedRegex(@"(?<pre>(?:ngay|mung|mong)\s+)?(?<![\p{L}\d])(?<n>" + NumberWord + @"(?:\s+" + NumberWord + @"){0,2})\s+thang\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayWords();

    [GeneratedRegex(@"(?<![\d/\-.])(?<y>\d{4})\s*[/\-.]\s*(?<m>\d{1,2})\s*[/\-.]\s*(?<d>\d{1,2})(?![\d/\-.])", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<![\d/\-.])(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{4}|\d{2}))?(?![\d/\-.]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*(?:thang|thg|th|t)\s*(?<m>\d{1,2}(?!\d)|(?:(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|gieng|chap)\s*){1,2})(?:\s*,?\s*(?:nam|n)?\s*(?<y>\d{4}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:sau\s+)?(?<n>\d{1,3}|" + NumberWord + @"(?:\s+" + NumberWord + @"){0,2})\s+(?<unit>ngay|hom|tuan)\s+(?:nua|toi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InDays();

    [GeneratedRegex(@" (?:thu (?<day>[2-7]|hai|ba|tu|nam|sau|bay)|t(?<day>[2-7])|(?<day>chu nhat|cn)) (?:(?<week>tuan sau|tuan toi|tuan truoc|tuan roi|tuan nay|nay) )?", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();

    /// <summary>"mai mốt" / "mai kia": some day soon, not a date.</summary>
    [GeneratedRegex(@" (?:mai mot|mai kia|hom nao|bua nao|khi nao) ", RegexOptions.CultureInvariant)]
    private static partial Regex Vague();

    [GeneratedRegex(@" (?<p>ngay hom nay|hom nay|today|bay gio|sang nay|chieu nay|toi nay|trua nay|ngay mai|sang mai|chieu mai|toi mai|trua mai|mai|tomorrow|ngay kia|ngay mot|hom qua|yesterday|hom kia)(?= )", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
