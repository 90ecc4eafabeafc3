using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class NameRecognizerTests
{
    [Theory]
    [InlineData("nguyễn thành biên", "Nguyễn Thành Biên")]
    [InlineData("Nguyễn Thành Biên", "Nguyễn Thành Biên")]
    [InlineData("NGUYỄN THÀNH BIÊN", "Nguyễn Thành Biên")]
    [InlineData("em tên là Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("tên em là trần thị bích ngọc ạ", "Trần Thị Bích Ngọc")]
    [InlineData("mình là Lê Minh Đức", "Lê Minh Đức")]
    [InlineData("Họ tên: Phạm Quốc Huy", "Phạm Quốc Huy")]
    [InlineData("họ và tên của em là đặng thu hà", "Đặng Thu Hà")]
    [InlineData("dạ em tên Vũ Hoàng Long", "Vũ Hoàng Long")]
    [InlineData("e tên là hoàng anh tuấn", "Hoàng Anh Tuấn")]
    [InlineData("Tô Lâm", "Tô Lâm")]
    [InlineData("Lã Văn Cầu", "Lã Văn Cầu")]
    [InlineData("tên tôi là La Văn Cầu", "La Văn Cầu")]
    [InlineData("h'hen niê", "H'Hen Niê")]
    [InlineData("Nguyễn Văn An, sđt 0912345678", "Nguyễn Văn An")]
    public void Lead_ins_are_stripped_and_each_word_title_cased(string text, string name)
    {
        var reading = NameRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(name, reading.Name);
        Assert.True(reading.HasDiacritics);
    }

    [Fact]
    public void Name_typed_without_diacritics_is_valid_but_flagged()
    {
        var reading = NameRecognizer.Recognize("nguyen van an");
        Assert.True(reading.IsValid);
        Assert.Equal("Nguyen Van An", reading.Name);
        Assert.False(reading.HasDiacritics);
    }

    [Fact]
    public void Decomposed_input_is_stored_composed()
    {
        var reading = NameRecognizer.Recognize("Nguyễn Văn An".Normalize(System.Text.NormalizationForm.FormD));
        Assert.Equal("Nguyễn Văn An".Normalize(System.Text.NormalizationForm.FormC), reading.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("An")]
    [InlineData("em tên là An")]
    [InlineData("Nguyễn Văn An 2003")]
    [InlineData("an@gmail.com")]
    [InlineData("0912345678")]
    [InlineData("Nguyễn Văn Thị Minh Khai Hoàng Anh Tuấn")]
    [InlineData("không biết")]
    [InlineData("đúng rồi")]
    [InlineData("Nguyễnnnnnnnn Văn An")]
    public void Numbers_emails_single_words_and_too_long_names_are_rejected(string text) =>
        Assert.False(NameRecognizer.Recognize(text).IsValid);
}
