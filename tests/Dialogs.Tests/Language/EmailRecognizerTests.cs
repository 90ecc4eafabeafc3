using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class EmailRecognizerTests
{
    [Theory]
    [InlineData("an@gmail.com", "an@gmail.com")]
    [InlineData("email em là nguyenvanan2003@gmail.com nhé", "nguyenvanan2003@gmail.com")]
    [InlineData("An.Nguyen@Gmail.COM", "An.Nguyen@gmail.com")]
    [InlineData("mail: 20A123@sv.hust.edu.vn.", "20A123@sv.hust.edu.vn")]
    [InlineData("an_nguyen+vss@yahoo.com.vn", "an_nguyen+vss@yahoo.com.vn")]
    public void Address_is_found_in_a_sentence_with_the_domain_lower_cased(string text, string address)
    {
        var reading = EmailRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(address, reading.Address);
        Assert.Null(reading.Suggestion);
    }

    [Theory]
    [InlineData("an@gmial.com", "an@gmail.com")]
    [InlineData("an@gmai.com", "an@gmail.com")]
    [InlineData("an@gmail.con", "an@gmail.com")]
    [InlineData("an@gmail.co", "an@gmail.com")]
    [InlineData("an@gmaill.com", "an@gmail.com")]
    [InlineData("an@yaho.com", "an@yahoo.com")]
    [InlineData("an@yahoo.com.v", "an@yahoo.com.vn")]
    [InlineData("an@hotmial.com", "an@hotmail.com")]
    [InlineData("an@outlok.com", "an@outlook.com")]
    [InlineData("an@icloud.co", "an@icloud.com")]
    [InlineData("an@GMIAL.COM", "an@gmail.com")]
    public void Common_domain_typos_get_a_suggestion(string text, string suggestion) =>
        Assert.Equal(suggestion, EmailRecognizer.Recognize(text).Suggestion);

    [Theory]
    [InlineData("an@sv.hust.edu.vn")]
    [InlineData("an@vnu.edu.vn")]
    [InlineData("an@ymail.com")]
    [InlineData("an@mail.com")]
    [InlineData("an@live.com")]
    [InlineData("an@fpt.edu.vn")]
    public void Real_domains_close_to_popular_ones_are_not_corrected(string text)
    {
        var reading = EmailRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Null(reading.Suggestion);
    }

    [Fact]
    public void Missing_top_level_domain_is_invalid_with_a_suggestion()
    {
        var reading = EmailRecognizer.Recognize("an@gmail");
        Assert.False(reading.IsValid);
        Assert.Equal("an@gmail.com", reading.Suggestion);
    }

    [Theory]
    [InlineData("nguyễn@gmail.com")]
    [InlineData("an..b@gmail.com")]
    [InlineData(".an@gmail.com")]
    public void Non_ASCII_or_malformed_addresses_are_found_but_invalid(string text)
    {
        var reading = EmailRecognizer.Recognize(text);
        Assert.NotNull(reading.Address);
        Assert.False(reading.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("em không có email")]
    [InlineData("gmail.com")]
    public void Text_without_an_address_gives_nothing(string text)
    {
        var reading = EmailRecognizer.Recognize(text);
        Assert.False(reading.IsValid);
        Assert.Null(reading.Address);
    }
}
