using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class ChoiceRecognizerTests
{
    private static readonly ChoiceOption[] Channels =
    [
        new("portal", "Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam", ["cổng", "cổng BHXH"]),
        new("ivan", "Tổ chức I-VAN", ["ivan"]),
    ];

    private static readonly ChoiceOption[] Submission =
    [
        new("post", "Nộp qua dịch vụ bưu chính công ích", ["bưu điện", "gửi bưu điện"]),
        new("desk", "Nộp trực tiếp tại bộ phận một cửa", ["trực tiếp", "một cửa"]),
    ];

    private static readonly ChoiceOption[] Offices =
    [
        new("tay-tuu", "BHXH cơ sở Tây Tựu"),
        new("cau-giay", "BHXH cơ sở Cầu Giấy"),
        new("tay-ho", "BHXH cơ sở Tây Hồ"),
    ];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("2", 1)]
    [InlineData("số 2", 1)]
    [InlineData("cái thứ hai", 1)]
    [InlineData("thứ 2", 1)]
    [InlineData("lựa chọn 1", 0)]
    [InlineData("mot", 0)]
    [InlineData("hai", 1)]
    [InlineData("em chọn số 1 ạ", 0)]
    [InlineData("thứ nhất", 0)]
    public void Numbers_and_ordinals_select_by_position(string text, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Channels).Index);

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("số 9")]
    public void Out_of_range_numbers_select_nothing(string text)
    {
        var match = ChoiceRecognizer.Recognize(text, Channels);
        Assert.False(match.IsMatch);
        Assert.False(match.IsAmbiguous);
    }

    [Theory]
    [InlineData("portal", 0)]
    [InlineData("Tổ chức I-VAN", 1)]
    [InlineData("to chuc i van", 1)]
    [InlineData("cổng", 0)]
    [InlineData("cong", 0)]
    [InlineData("Cổng thông tin", 0)]
    [InlineData("ivan", 1)]
    [InlineData("em chọn cổng BHXH", 0)]
    [InlineData("cong thong tin dien tu", 0)]
    public void Values_titles_and_synonyms_match_with_or_without_diacritics(string text, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Channels).Index);

    [Theory]
    [InlineData("bưu điện", 0)]
    [InlineData("buu dien", 0)]
    [InlineData("nộp trực tiếp", 1)]
    [InlineData("gửi qua bưu chính", 0)]
    [InlineData("một cửa", 1)]
    [InlineData("tại bộ phận", 1)]
    [InlineData("buu chinh", 0)]
    [InlineData("bưu chíh", 0)]
    public void Distinctive_words_and_typos_select_the_option(string text, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Submission).Index);

    [Theory]
    [InlineData("Cầu Giấy", 1)]
    [InlineData("cau giay", 1)]
    [InlineData("tây tựu", 0)]
    [InlineData("tay tuu", 0)]
    [InlineData("tay ho", 2)]
    [InlineData("cau giey", 1)]
    [InlineData("Tây Tựuu", 0)]
    public void Office_names_match_by_their_distinctive_part(string text, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Offices).Index);

    [Fact]
    public void A_word_shared_by_several_options_is_ambiguous()
    {
        var match = ChoiceRecognizer.Recognize("tây", Offices);
        Assert.True(match.IsAmbiguous);
        Assert.Equal([0, 2], match.Candidates);
    }

    [Fact]
    public void A_prefix_shared_by_all_options_lists_them_all()
    {
        var match = ChoiceRecognizer.Recognize("bhxh cơ sở", Offices);
        Assert.True(match.IsAmbiguous);
        Assert.Equal([0, 1, 2], match.Candidates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("hôm nay trời đẹp quá")]
    public void Unrelated_text_selects_nothing(string text) =>
        Assert.Equal(ChoiceMatch.None, ChoiceRecognizer.Recognize(text, Offices));

    [Fact]
    public void Options_equal_but_for_their_synonyms_are_each_read_with_their_own()
    {
        ChoiceOption[] Options(params string[] postSynonyms) =>
            [new("post", "Gửi qua bưu điện", postSynonyms), new("office", "Nộp trực tiếp", ["tận nơi"])];
        var withParcel = Options("chuyển phát");
        var withMail = Options("thư");

        for (var round = 0; round < 3; round++) // alternately: what one list taught must not answer for the other
        {
            Assert.Equal(0, ChoiceRecognizer.Recognize("chuyển phát", withParcel).Index);
            Assert.Null(ChoiceRecognizer.Recognize("chuyển phát", withMail).Index);
            Assert.Equal(0, ChoiceRecognizer.Recognize("thư", withMail).Index);
            Assert.Equal(1, ChoiceRecognizer.Recognize("tận nơi", Options("thư")).Index); // another instance, same content
        }
    }
}
