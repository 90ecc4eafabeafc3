using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class IdDocumentRecognizerTests
{
    [Theory]
    [InlineData("001203012345")]
    [InlineData("cccd của em là 001 203 012 345")]
    [InlineData("số căn cước: 001.203.012.345 ạ")]
    [InlineData("001-203-012-345")]
    public void Twelve_digit_personal_id_is_read_from_a_sentence(string text)
    {
        var reading = IdDocumentRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(IdDocumentKind.PersonalId, reading.Kind);
        Assert.Equal("001203012345", reading.Number);
        Assert.Equal("Hà Nội", reading.BirthProvince);
        Assert.Equal(2003, reading.BirthYear);
        Assert.Empty(reading.WarningKeys);
    }

    [Theory]
    [InlineData("001098012345", 1998, "Hà Nội")]
    [InlineData("079305012345", 2005, "Hồ Chí Minh")]
    [InlineData("096199012345", 1999, "Cà Mau")]
    [InlineData("038402012345", 2102, "Thanh Hóa")]
    [InlineData("046204012345", 2004, "Thừa Thiên Huế")]
    public void Birth_province_and_year_come_from_the_digits(string number, int year, string province)
    {
        var reading = IdDocumentRecognizer.Recognize(number);
        Assert.Equal(year, reading.BirthYear);
        Assert.Equal(province, reading.BirthProvince);
    }

    [Fact]
    public void The_table_holds_the_63_pre_2025_provinces()
    {
        Assert.Equal(63, BirthProvinces.All.Count);
        Assert.Equal("Hà Nội", BirthProvinces.NameOf("001"));
        Assert.Equal("Cà Mau", BirthProvinces.NameOf("096"));
        Assert.Null(BirthProvinces.NameOf("003"));
    }

    [Fact]
    public void Unknown_province_prefix_is_valid_with_a_warning()
    {
        var reading = IdDocumentRecognizer.Recognize("003203012345");
        Assert.True(reading.IsValid);
        Assert.Null(reading.BirthProvince);
        Assert.Equal(["id.unknown_province"], reading.WarningKeys);
    }

    [Fact]
    public void Birth_year_contradicting_the_stated_year_is_a_warning()
    {
        var reading = IdDocumentRecognizer.Recognize("001203012345", statedBirthYear: 2004);
        Assert.True(reading.IsValid);
        Assert.Contains("id.birth_year_mismatch", reading.WarningKeys);
        Assert.Empty(IdDocumentRecognizer.Recognize("001203012345", statedBirthYear: 2003).WarningKeys);
    }

    [Theory]
    [InlineData("C1234567", "C1234567")]
    [InlineData("c1234567", "C1234567")]
    [InlineData("hộ chiếu của em là B7654321", "B7654321")]
    [InlineData("passport 123ABC45", "123ABC45")]
    public void Passports_are_accepted_and_upper_cased(string text, string number)
    {
        var reading = IdDocumentRecognizer.Recognize(text);
        Assert.True(reading.IsValid);
        Assert.Equal(IdDocumentKind.Passport, reading.Kind);
        Assert.Equal(number, reading.Number);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("cmnd em là 123 456 789")]
    public void Nine_digit_cmnd_is_explained_as_expired(string text)
    {
        var reading = IdDocumentRecognizer.Recognize(text);
        Assert.False(reading.IsValid);
        Assert.Equal(IdDocumentKind.ExpiredCmnd, reading.Kind);
        Assert.Equal("id.cmnd_expired", reading.ProblemKey);
    }

    [Theory]
    [InlineData("00120301234", "id.wrong_length")]
    [InlineData("0012030123456", "id.wrong_length")]
    [InlineData("em chưa có", "id.invalid")]
    [InlineData("NGUYEN", "id.invalid")]
    [InlineData("", "id.invalid")]
    public void Other_answers_are_invalid(string text, string problem)
    {
        var reading = IdDocumentRecognizer.Recognize(text);
        Assert.False(reading.IsValid);
        Assert.Equal(problem, reading.ProblemKey);
    }
}
