using VssBot.Bot.Privacy;

namespace VssBot.Bot.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("0912345678", "0912***678")]
    [InlineData("0912 345 678", "0912***678")]
    [InlineData("123", "***")]
    [InlineData(null, "")]
    public void Phones_keep_their_first_four_and_last_three_digits(string? phone, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("001203004545", "0012******45")]
    [InlineData("0113099841", "0113****41")]
    [InlineData("12345", "*****")]
    public void Id_numbers_keep_their_first_four_and_last_two_digits(string id, string masked) =>
        Assert.Equal(masked, PersonalDataMask.IdNumber(id));

    [Theory]
    [InlineData("ha.pham@gmail.com", "h***@gmail.com")]
    [InlineData("not-an-email", "n***l")]
    [InlineData("", "")]
    public void Emails_keep_their_first_letter_and_domain(string email, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Email(email));
}
