using System.Text.Json;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class LanguageTextsTests
{
    private static Dictionary<string, string> Texts()
    {
        using var stream = typeof(VietnameseText).Assembly.GetManifestResourceStream("Texts/language.vi.json");
        Assert.NotNull(stream);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    public static TheoryData<string> Keys => new(TextKeys.All);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_has_a_Vietnamese_text_with_diacritics(string key)
    {
        var texts = Texts();
        Assert.True(texts.ContainsKey(key), key);
        Assert.True(VietnameseText.HasDiacritics(texts[key]));
    }

    [Fact]
    public void The_texts_file_holds_no_key_that_no_code_returns() =>
        Assert.Empty(Texts().Keys.Except(TextKeys.All));

    [Theory]
    [InlineData("01130A9841")] [InlineData("123456789")] [InlineData("0113")] [InlineData("")]
    public void Keys_returned_by_the_social_insurance_recognizer_are_known(string text) =>
        Assert.Contains(SocialInsuranceNumberRecognizer.Recognize(text).ProblemKey!, TextKeys.All);

    [Theory]
    [InlineData("123456789")] [InlineData("0012")] [InlineData("")] [InlineData("024 3224 2059")] [InlineData("+1 650 253 0000")] [InlineData("091234567")]
    public void Keys_returned_by_the_id_and_phone_recognizers_are_known(string text)
    {
        Assert.Contains(IdDocumentRecognizer.Recognize(text).ProblemKey!, TextKeys.All);
        Assert.Contains(PhoneRecognizer.Recognize(text).ProblemKey!, TextKeys.All);
    }
}
