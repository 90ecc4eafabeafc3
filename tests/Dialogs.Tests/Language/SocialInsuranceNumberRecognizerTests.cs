using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class SocialInsuranceNumberRecognizerTests
{
    [Theory]
    [InlineData("0113099841")]
    [InlineData("0113 099 841")]
    [InlineData("0113.099.841")]
    [InlineData("0113-099-841")]
    [InlineData("mã bhxh của em là 0113099841 ạ")]
    public void Ten_digit_social_insurance_code_is_accepted(string text)
    {
        var reading = SocialInsuranceNumberRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(SocialInsuranceNumberKind.SocialInsuranceCode10, reading.Kind);
        Assert.Equal("0113099841", reading.Number);
        Assert.Null(reading.ProblemKey);
    }

    [Theory]
    [InlineData("001203012345")]
    [InlineData("001 203 012 345")]
    [InlineData("số định danh 001.203.012.345")]
    public void Twelve_digit_personal_id_is_accepted_as_the_new_code(string text)
    {
        var reading = SocialInsuranceNumberRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(SocialInsuranceNumberKind.PersonalId12, reading.Kind);
        Assert.Equal("001203012345", reading.Number);
    }

    [Theory]
    [InlineData("123456789", "sin.looks_like_cmnd")]
    [InlineData("123 456 789", "sin.looks_like_cmnd")]
    [InlineData("01130998", "sin.wrong_length")]
    [InlineData("01130998411", "sin.wrong_length")]
    [InlineData("01130A9841", "sin.invalid")]
    [InlineData("em không nhớ", "sin.missing")]
    [InlineData("", "sin.missing")]
    public void Wrong_answers_say_what_is_wrong(string text, string problem)
    {
        var reading = SocialInsuranceNumberRecognizer.Recognize(text);
        Assert.False(reading.IsValid);
        Assert.Null(reading.Number);
        Assert.Equal(problem, reading.ProblemKey);
    }

    [Fact]
    public void Nine_digits_are_explained_as_an_old_cmnd_not_just_a_wrong_length() =>
        Assert.Equal(TextKeys.SinLooksLikeCmnd, SocialInsuranceNumberRecognizer.Recognize("mã số 012345678").ProblemKey);
}
