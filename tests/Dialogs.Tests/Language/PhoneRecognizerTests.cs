using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class PhoneRecognizerTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("0912-345-678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("84912345678")]
    [InlineData("(+84) 912 345 678")]
    [InlineData("sdt em 0912.345.678")]
    [InlineData("số điện thoại của mình là 0912345678 nhé")]
    public void Mobile_numbers_are_stored_in_E164_and_read_back_in_ten_digits(string text)
    {
        var reading = PhoneRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal("+84912345678", reading.E164);
        Assert.Equal("0912345678", reading.Display);
        Assert.Null(reading.ProblemKey);
    }

    [Theory]
    [InlineData("0983847986", "+84983847986")]
    [InlineData("0352123456", "+84352123456")]
    [InlineData("0701234567", "+84701234567")]
    [InlineData("0888123456", "+84888123456")]
    [InlineData("0562123456", "+84562123456")]
    public void Mobiles_of_every_carrier_are_accepted(string text, string e164) =>
        Assert.Equal(e164, PhoneRecognizer.Recognize(text).E164);

    public static TheoryData<string> PublishedPrefixes => new(MobilePrefixes.All.Keys);

    [Theory]
    [MemberData(nameof(PublishedPrefixes))]
    public void Every_published_mobile_prefix_is_accepted(string prefix)
    {
        var reading = PhoneRecognizer.Recognize(prefix + "1234567");
        Assert.True(reading.IsValid, $"{prefix}: {reading.ProblemKey}");
        Assert.Equal(prefix + "1234567", reading.Display);
        Assert.Equal("+84" + prefix[1..] + "1234567", reading.E164);
    }

    [Theory]
    [MemberData(nameof(PublishedPrefixes))]
    public void Libphonenumber_knows_every_published_prefix_as_mobile(string prefix)
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var mobileBlocks = Enumerable.Range(0, 10)
            .Select(d => util.Parse($"{prefix}{d}123456", "VN"))
            .Count(n => util.GetNumberType(n) == PhoneNumbers.PhoneNumberType.MOBILE);
        Assert.True(mobileBlocks > 0, prefix);
    }

    [Theory]
    [InlineData("024 3224 2059")]
    [InlineData("024.32242059")]
    [InlineData("02432242059")]
    public void Landline_is_refused_because_it_gets_no_SMS(string text) =>
        Assert.Equal("phone.landline", PhoneRecognizer.Recognize(text).ProblemKey);

    [Theory]
    [InlineData("091234567", "phone.wrong_length")]
    [InlineData("09123456789", "phone.wrong_length")]
    [InlineData("0123456789", "phone.invalid")]
    [InlineData("1900 9068", "phone.invalid")]
    [InlineData("+1 650 253 0000", "phone.foreign")]
    [InlineData("em chưa có số", "phone.missing")]
    [InlineData("", "phone.missing")]
    public void Invalid_numbers_say_what_is_wrong(string text, string problem)
    {
        var reading = PhoneRecognizer.Recognize(text);
        Assert.False(reading.IsValid);
        Assert.Null(reading.E164);
        Assert.Equal(problem, reading.ProblemKey);
    }

    [Fact]
    public void Carrier_of_a_number_follows_the_published_prefix_table()
    {
        Assert.Equal("Viettel", MobilePrefixes.CarrierOf("0983847986"));
        Assert.Equal("VinaPhone", MobilePrefixes.CarrierOf("0912345678"));
        Assert.Null(MobilePrefixes.CarrierOf("0243224205"));
    }
}
