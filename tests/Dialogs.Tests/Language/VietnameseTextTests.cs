using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Thành Biên", "nguyen thanh bien")]
    [InlineData("  ĐẶNG   văn   ĐỨC!!! ", "dang van duc")]
    [InlineData("Sđt của em: 0912.345.678", "so dien thoai cua em 0912 345 678")]
    [InlineData("ko bit", "khong biet")]
    [InlineData("k dc", "khong duoc")]
    [InlineData("hok đc", "khong duoc")]
    [InlineData("hong", "khong")]
    [InlineData("CCCD", "can cuoc cong dan")]
    [InlineData("mã bhxh", "ma bao hiem xa hoi")]
    [InlineData("tp hcm", "thanh pho ho chi minh")]
    [InlineData("TPHCM", "thanh pho ho chi minh")]
    [InlineData("hn", "ha noi")]
    [InlineData("okie", "ok")]
    [InlineData("e ko bít j", "em khong biet gi")]
    [InlineData("mk vs bạn", "minh voi ban")]
    [InlineData("đúng r", "dung roi")]
    [InlineData("Hòa hoà", "hoa hoa")]
    public void Fold_lowercases_strips_diacritics_and_expands_chat_abbreviations(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_keeps_a_name_typed_with_diacritics_that_looks_like_chat_spelling() =>
        Assert.Equal("nguyen thi hong", VietnameseText.Fold("Nguyễn Thị Hồng"));

    [Fact]
    public void Fold_does_not_expand_the_single_letter_a() => Assert.Equal("ngo 5 a", VietnameseText.Fold("Ngõ 5 A"));

    [Fact]
    public void Fold_treats_decomposed_and_composed_input_alike() =>
        Assert.Equal(VietnameseText.Fold("Nguyễn"), VietnameseText.Fold("Nguyễn".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("Nguyễn", true)]
    [InlineData("đi", true)]
    [InlineData("Đ", true)]
    [InlineData("Hồ", true)]
    [InlineData("nguyen van an", false)]
    [InlineData("0912345678", false)]
    [InlineData("", false)]
    public void HasDiacritics_tells_whether_a_Vietnamese_mark_was_typed(string text, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasDiacritics(text));

    [Theory]
    [InlineData("gmial", "gmail", 1)]
    [InlineData("gmail", "gmail", 0)]
    [InlineData("gmai", "gmail", 1)]
    [InlineData("yaho", "yahoo", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void EditDistance_counts_a_swap_of_neighbours_as_one_typo(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void DigitRuns_joins_groups_typed_with_spaces_dots_and_dashes()
    {
        var runs = DigitRuns.Find("cccd 001 203 012 345 và sđt 0912.345-678");
        Assert.Equal(["001203012345", "0912345678"], runs.Select(r => r.Digits));
    }

    [Fact]
    public void DigitRuns_ignore_digits_glued_to_letters() => Assert.Empty(DigitRuns.Find("hộ chiếu C1234567"));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("hai", 2)]
    [InlineData("nhat", 1)]
    [InlineData("muoi hai", 12)]
    [InlineData("hai muoi mot", 21)]
    [InlineData("chin", 9)]
    public void VietnameseNumbers_reads_digits_words_and_ordinals(string folded, int expected) =>
        Assert.Equal(expected, VietnameseNumbers.Parse(folded.Split(' ')));

    [Theory]
    [InlineData("nguyen")]
    [InlineData("muoi muoi")]
    [InlineData("")]
    public void VietnameseNumbers_rejects_non_numbers(string folded) =>
        Assert.Null(VietnameseNumbers.Parse(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
