using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class MessageExtractorTests
{
    [Theory]
    [InlineData("em tên Nguyễn Văn An, sđt 0912345678, email an@gmail.com")]
    [InlineData("em tên Nguyễn Văn An sđt 0912345678 email an@gmail.com")]
    [InlineData("Họ tên: Nguyễn Văn An; Số điện thoại: 0912 345 678; Email: an@gmail.com")]
    [InlineData("tên em là nguyễn văn an, số điện thoại của em là 0912.345.678, mail an@gmail.com ạ")]
    [InlineData("Mình là Nguyễn Văn An, 0912345678, an@gmail.com")]
    public void A_message_with_name_phone_and_email_fills_all_three(string text)
    {
        var values = MessageExtractor.Extract(text);
        Assert.Equal("Nguyễn Văn An", values.FullName?.Name);
        Assert.Equal("+84912345678", values.Phone?.E164);
        Assert.Equal("an@gmail.com", values.Email?.Address);
        Assert.Null(values.IdDocument);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public void A_greeting_before_the_values_is_ignored_and_an_email_typo_keeps_its_suggestion()
    {
        var values = MessageExtractor.Extract("Chào bạn, mình tên là Lê Thị Hoa, sdt: 0987 654 321, email hoa.le@gmial.com");
        Assert.Equal("Lê Thị Hoa", values.FullName?.Name);
        Assert.Equal("0987654321", values.Phone?.Display);
        Assert.Equal("hoa.le@gmail.com", values.Email?.Suggestion);
    }

    [Fact]
    public void Identity_numbers_are_taken_by_their_labels()
    {
        var values = MessageExtractor.Extract("cccd 001203012345, mã số bhxh 0113099841");
        Assert.Equal("001203012345", values.IdDocument?.Number);
        Assert.Equal(SocialInsuranceNumberKind.SocialInsuranceCode10, values.SocialInsuranceNumber?.Kind);
        Assert.Equal("0113099841", values.SocialInsuranceNumber?.Number);
        Assert.Null(values.Phone);
    }

    [Fact]
    public void An_unlabelled_twelve_digit_personal_id_is_unambiguous()
    {
        var values = MessageExtractor.Extract("0912345678 và 001203012345");
        Assert.Equal("001203012345", values.IdDocument?.Number);
        Assert.Equal("0912345678", values.Phone?.Display);
    }

    [Fact]
    public void A_labelled_but_invalid_value_is_returned_so_the_dialog_can_explain()
    {
        var values = MessageExtractor.Extract("sđt 024 3224 2059");
        Assert.Equal("phone.landline", values.Phone?.ProblemKey);
        var cmnd = MessageExtractor.Extract("số cmnd của em là 123456789");
        Assert.Equal(IdDocumentKind.ExpiredCmnd, cmnd.IdDocument?.Kind);
    }

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("mình là sinh viên năm nhất")]
    [InlineData("0113099841")]
    [InlineData("123456789")]
    [InlineData("có")]
    [InlineData("")]
    public void Unlabelled_ambiguous_values_are_not_extracted(string text) =>
        Assert.Equal(0, MessageExtractor.Extract(text).Count);

    [Fact]
    public void A_name_followed_by_a_number_stops_before_the_number()
    {
        var values = MessageExtractor.Extract("tên Trần Thị Bích 0987654321");
        Assert.Equal("Trần Thị Bích", values.FullName?.Name);
        Assert.Equal("+84987654321", values.Phone?.E164);
    }
}
