using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class DateRecognizerTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 3, 18);

    [Theory]
    [InlineData("17/8/2020", 2020, 8, 17)]
    [InlineData("17-08-2020", 2020, 8, 17)]
    [InlineData("17.8.2020", 2020, 8, 17)]
    [InlineData("05/08/2020", 2020, 8, 5)]
    [InlineData("17/8", 2026, 8, 17)]
    [InlineData("ngày 17/8", 2026, 8, 17)]
    [InlineData("17/8/20", 2020, 8, 17)]
    [InlineData("ngày 17 tháng 8 năm 2020", 2020, 8, 17)]
    [InlineData("ngay 17 thang 8 nam 2020", 2020, 8, 17)]
    [InlineData("17 thg 8", 2026, 8, 17)]
    [InlineData("17 th8 2020", 2020, 8, 17)]
    [InlineData("1 tháng tám", 2026, 8, 1)]
    [InlineData("từ ngày 20/3/2026 ạ", 2026, 3, 20)]
    [InlineData("29/2/2024", 2024, 2, 29)]
    public void Dates_are_read_day_before_month(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateRecognizer.Recognize(text, Today));

    [Theory]
    [InlineData("hôm nay", 0)]
    [InlineData("hom nay", 0)]
    [InlineData("nay", 0)]
    [InlineData("luôn hôm nay nhé", 0)]
    [InlineData("mai", 1)]
    [InlineData("ngày mai", 1)]
    [InlineData("hôm qua", -1)]
    [InlineData("ngày kia", 2)]
    [InlineData("mốt", 2)]
    public void Relative_days_count_from_today(string text, int days) =>
        Assert.Equal(Today.AddDays(days), DateRecognizer.Recognize(text, Today));

    [Theory]
    [InlineData("thứ hai tuần sau", 2026, 3, 23)]
    [InlineData("thu 2 tuan sau", 2026, 3, 23)]
    [InlineData("thứ 6 này", 2026, 3, 20)]
    [InlineData("thứ hai này", 2026, 3, 16)]
    [InlineData("chủ nhật", 2026, 3, 22)]
    [InlineData("chu nhat tuan sau", 2026, 3, 29)]
    [InlineData("thứ 4", 2026, 3, 18)]
    [InlineData("thứ ba", 2026, 3, 24)]
    [InlineData("thứ 3 tuần trước", 2026, 3, 10)]
    public void Weekdays_use_Monday_to_Sunday_weeks(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateRecognizer.Recognize(text, Today));

    [Theory]
    [InlineData("31/2")]
    [InlineData("31/2/2020")]
    [InlineData("29/2/2025")]
    [InlineData("12/13/2020")]
    [InlineData("0/5/2020")]
    [InlineData("ngày 32 tháng 1")]
    public void Impossible_dates_are_rejected_not_guessed(string text) => Assert.Null(DateRecognizer.Recognize(text, Today));

    [Theory]
    [InlineData("")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("có")]
    [InlineData("0912345678")]
    public void Text_without_a_date_gives_null(string text) => Assert.Null(DateRecognizer.Recognize(text, Today));
}
