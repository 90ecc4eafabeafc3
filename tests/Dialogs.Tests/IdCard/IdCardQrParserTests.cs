using VssBot.Dialogs.Form01.IdCard;

namespace VssBot.Dialogs.Tests.IdCard;

public class IdCardQrParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void AChipCccdOf2021IsReadWithEveryValueAndItsQrOnTheFront()
    {
        var reading = IdCardQrParser.Parse("001303012345|012345678|Nguyễn Thị Ánh Tuyết|01022003|Nữ|Thôn 4 Thủ Trại, Phúc Hòa, Phúc Thọ, Hà Nội|15082021", Today);

        var card = Assert.IsType<IdCardQr>(reading.Card);
        Assert.Null(reading.Problem);
        Assert.Equal("001303012345", card.Number);
        Assert.Equal("012345678", card.FormerCmnd);
        Assert.Equal("Nguyễn Thị Ánh Tuyết", card.FullName);
        Assert.Equal(new DateOnly(2003, 2, 1), card.BirthDate);
        Assert.True(card.IsFemale);
        Assert.Equal("Thôn 4 Thủ Trại, Phúc Hòa, Phúc Thọ, Hà Nội", card.Address);
        Assert.Equal(new DateOnly(2021, 8, 15), card.IssueDate);
        Assert.Equal(IdCardKind.ChipCccd2021, card.Kind);
        Assert.Equal("front", card.QrSide);
    }

    [Fact]
    public void ACanCuocOf2024WithoutFormerCmndAndWithFurtherFieldsIsReadWithItsQrOnTheBack()
    {
        var reading = IdCardQrParser.Parse("079205001234||Trần Quốc Bảo|30122005|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|02072024|Trần Văn Cha|Lê Thị Mẹ", Today);

        var card = Assert.IsType<IdCardQr>(reading.Card);
        Assert.Null(card.FormerCmnd);
        Assert.False(card.IsFemale);
        Assert.Equal(IdCardKind.CanCuoc2024, card.Kind);
        Assert.Equal("back", card.QrSide);
        Assert.Equal("Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", card.Address);
    }

    [Fact]
    public void ANameInCapitalsIsTitleCasedAndDecomposedTextIsComposed()
    {
        var decomposed = "001202012345||NGUYỄN VĂN AN|01022002|Nam|Hà Nội, Việt Nam|15082021".Normalize(System.Text.NormalizationForm.FormD);
        var reading = IdCardQrParser.Parse(decomposed, Today);
        Assert.Equal("Nguyễn Văn An", reading.Card?.FullName);
    }

    [Theory]
    [InlineData("https://vssid.baohiemxahoi.gov.vn")]
    [InlineData("00020101021238570010A000000727012700069704220113VQRQ00012345670208QRIBFTTA53037045802VN6304ABCD")]
    [InlineData("001303012345|Nguyễn Văn An|01022003")]
    [InlineData("12345|012345678|Nguyễn Văn An|01022003|Nam|Hà Nội|15082021")]
    [InlineData("")]
    public void AnotherQrCodeIsNotAnIdCard(string text)
        => Assert.Equal(IdCardQrProblem.NotIdCard, IdCardQrParser.Parse(text, Today).Problem);

    [Theory]
    [InlineData("001303012345|01234567|Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // 8-digit CMND
    [InlineData("001303012345||Nguyễn Thị An|31022003|Nữ|Hà Nội, Việt Nam|15082021")] // 31 February
    [InlineData("001303012345||Nguyễn Thị An|01022003|X|Hà Nội, Việt Nam|15082021")] // sex
    [InlineData("001303012345||Nguyễn 7 An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // digit in the name
    [InlineData("001303012345||An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // one word
    [InlineData("001303012345||Nguyễn Thị An|01022003|Nữ||15082021")] // no address
    [InlineData("001303012345||Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|2021-08-15")] // issue date format
    [InlineData("001303012345||Nguyễn Thị\u0000 An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // control character
    public void ACardCodeWithADamagedValueIsRefused(string text)
    {
        var reading = IdCardQrParser.Parse(text, Today);
        Assert.Null(reading.Card);
        Assert.Equal(IdCardQrProblem.Malformed, reading.Problem);
    }

    [Theory]
    [InlineData("001303012345||Nguyễn Thị An|01022004|Nữ|Hà Nội, Việt Nam|15082021")] // year 2004, number says 2003
    [InlineData("001303012345||Nguyễn Văn An|01022003|Nam|Hà Nội, Việt Nam|15082021")] // digit 4 = 3 is female
    [InlineData("001103012345||Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // digit 4 = 1 is the 1900s
    [InlineData("003203012345||Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|15082021")] // 003 is no province
    [InlineData("001303012345||Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|15082020")] // QR cards exist since 2021
    [InlineData("001303012345||Nguyễn Thị An|01022003|Nữ|Hà Nội, Việt Nam|15082027")] // issued in the future
    public void ACardCodeWhoseNumberDisagreesWithItsValuesIsRefused(string text)
    {
        var reading = IdCardQrParser.Parse(text, Today);
        Assert.Null(reading.Card);
        Assert.Equal(IdCardQrProblem.FailsChecks, reading.Problem);
    }

    [Fact]
    public void GeneratedCardsOfBothKindsReadBackExactly()
    {
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var kind = i % 2 == 0 ? IdCardKind.ChipCccd2021 : IdCardKind.CanCuoc2024;
            var card = CardPhotoGenerator.Card(random, kind);
            Assert.Equal(card, IdCardQrParser.Parse(CardPhotoGenerator.QrText(card), Today).Card);
            Assert.Equal(kind, card.Kind);
        }
    }
}
