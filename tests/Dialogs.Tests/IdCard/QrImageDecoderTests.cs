using System.Text;
using Xunit.Abstractions;
using VssBot.Dialogs.Form01.IdCard;

namespace VssBot.Dialogs.Tests.IdCard;

/// <summary>Generated photos of cards with real QR codes, taken the way students take them.</summary>
public class QrImageDecoderTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly QrImageDecoder _decoder = new(new IdCardPhotoOptions());

    /// <summary>
    /// Photo conditions for the i-th photo, every condition of the issue mixed, several at once: the size a chat app delivers
    /// (≈ 1600–2048 px; every 25th a larger camera photo), the card filling 50–90 % of the width, tilted up to 30° either way,
    /// blurred (σ ≤ 1.5 px), unevenly lit, JPEG quality 50 for half of them.
    /// </summary>
    public static PhotoConditions Conditions(int i, Random random)
    {
        (int W, int H)[] sizes = [(1600, 1200), (2048, 1536), (1536, 2048), (2000, 1500)];
        var (w, h) = i % 25 == 0 ? (3000, 2250) : sizes[random.Next(sizes.Length)];
        return new PhotoConditions(w, h,
            CardWidthShare: 0.5f + (float)random.NextDouble() * 0.4f,
            RotationDegrees: (float)(random.NextDouble() * 60 - 30),
            BlurSigma: random.Next(3) == 0 ? 0 : (float)random.NextDouble() * 1.5f,
            LightFalloff: random.Next(3) == 0 ? 0 : (float)random.NextDouble() * 0.6f,
            JpegQuality: i % 2 == 0 ? 50 : random.Next(60, 96));
    }

    [Fact]
    public void AtLeast95In100PhotosOfCardsGiveTheExactValuesAndNoneAWrongValue()
    {
        const int photos = 200;
        var random = new Random(20261125);
        int exact = 0, wrong = 0, unread = 0;
        var failures = new StringBuilder();
        for (var i = 0; i < photos; i++)
        {
            var card = CardPhotoGenerator.Card(random, i % 2 == 0 ? IdCardKind.ChipCccd2021 : IdCardKind.CanCuoc2024);
            var conditions = Conditions(i, random);
            var photo = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(card), conditions, seed: i);
            var result = _decoder.Decode(photo, CancellationToken.None);
            var read = result.Text is null ? null : IdCardQrParser.Parse(result.Text, Today).Card;
            if (read is null) { unread++; failures.AppendLine($"#{i} unread: {conditions}"); }
            else if (read == card) exact++;
            else wrong++;
        }
        output.WriteLine($"{exact} exact, {unread} unread, {wrong} wrong of {photos}\n{failures}");
        Assert.Equal(0, wrong);
        Assert.True(exact >= photos * 95 / 100, $"{exact} of {photos} read exactly\n{failures}");
    }

    [Fact]
    public void ACleanPhotoOfEachCardKindIsRead()
    {
        var random = new Random(1);
        foreach (var kind in new[] { IdCardKind.ChipCccd2021, IdCardKind.CanCuoc2024 })
        {
            var card = CardPhotoGenerator.Card(random, kind);
            var result = _decoder.Decode(CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(card), PhotoConditions.Clean, 1), CancellationToken.None);
            Assert.Equal(CardPhotoGenerator.QrText(card), result.Text);
        }
    }

    [Theory]
    [InlineData("https://vssid.baohiemxahoi.gov.vn/")]
    [InlineData("00020101021238570010A000000727012700069704220113VQRQ00012345670208QRIBFTTA53037045802VN6304ABCD")]
    public void AnotherQrCodeIsReadButIsNoCard(string text)
    {
        var result = _decoder.Decode(CardPhotoGenerator.BareQr(text), CancellationToken.None);
        Assert.Equal(text, result.Text);
        Assert.Equal(IdCardQrProblem.NotIdCard, IdCardQrParser.Parse(result.Text, Today).Problem);
    }

    [Fact]
    public void ACardCodeWithDamagedContentsIsReadButRefused()
    {
        var card = CardPhotoGenerator.Card(new Random(3), IdCardKind.ChipCccd2021);
        var damaged = CardPhotoGenerator.QrText(card with { BirthDate = card.BirthDate.AddYears(1) });
        var result = _decoder.Decode(CardPhotoGenerator.Photo(damaged, PhotoConditions.Clean, 3), CancellationToken.None);
        Assert.Equal(damaged, result.Text);
        Assert.Null(IdCardQrParser.Parse(result.Text, Today).Card);
    }

    [Fact]
    public void APhotoWithoutQrCodeIsSaidSo()
    {
        var photo = CardPhotoGenerator.Photo("x", PhotoConditions.Clean with { CardWidthShare = 0.01f }, 4);
        Assert.Equal(QrImageProblem.NoQrCode, _decoder.Decode(photo, CancellationToken.None).Problem);
    }

    [Fact]
    public void PhotosOverTheByteOrPixelLimitAreRefusedBeforeDecoding()
    {
        var photo = CardPhotoGenerator.Photo("x", PhotoConditions.Clean, 5); // 1600 × 1200
        Assert.Equal(QrImageProblem.TooLarge, new QrImageDecoder(new IdCardPhotoOptions { MaxPixels = 1_000_000 }).Decode(photo, CancellationToken.None).Problem);
        Assert.Equal(QrImageProblem.TooLarge, new QrImageDecoder(new IdCardPhotoOptions { MaxImageBytes = photo.Length - 1 }).Decode(photo, CancellationToken.None).Problem);
    }

    [Fact]
    public void BytesThatAreNoImageAreSaidSo()
    {
        Assert.Equal(QrImageProblem.NotAnImage, _decoder.Decode(Encoding.UTF8.GetBytes("<html>not an image</html>"), CancellationToken.None).Problem);
        Assert.Equal(QrImageProblem.NotAnImage, _decoder.Decode([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], CancellationToken.None).Problem);
    }

    [Fact]
    public void ACancelledReadStops()
        => Assert.Throws<OperationCanceledException>(() => _decoder.Decode(CardPhotoGenerator.Photo("x", PhotoConditions.Clean, 6), new CancellationToken(true)));
}
