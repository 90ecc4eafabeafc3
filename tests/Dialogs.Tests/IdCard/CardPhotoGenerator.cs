using System.Globalization;
using SkiaSharp;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Language;
using ZXing;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace VssBot.Dialogs.Tests.IdCard;

/// <summary>How a generated photo is taken: the card's size in the photo, tilt, blur, light, JPEG quality.</summary>
public sealed record PhotoConditions(int PhotoWidth, int PhotoHeight, float CardWidthShare, float RotationDegrees, float BlurSigma, float LightFalloff, int JpegQuality)
{
    public static PhotoConditions Clean => new(1600, 1200, 0.7f, 0, 0, 0, 90);
}

/// <summary>
/// Card-like photos with real QR codes (ZXing's writer, UTF-8 byte mode, as on the cards): a card of the ID-1 format
/// (85.6 × 54 mm) with a QR code of the card's size (≈ 18 mm), a portrait box and text bars, placed in a cluttered photo,
/// rotated, blurred, unevenly lit and saved as JPEG. Deterministic for a seed.
/// </summary>
public static class CardPhotoGenerator
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Thành", "Minh", "Ngọc", "Thu", "Quốc", "Hoàng", "Thùy", "Xuân"];
    private static readonly string[] GivenNames = ["An", "Bình", "Chi", "Dũng", "Đạt", "Giang", "Hà", "Hương", "Khánh", "Linh", "Lưu", "Mỹ", "Nguyệt", "Phúc", "Quỳnh", "Sơn", "Thắng", "Trâm", "Tuyết", "Ý", "Yến", "Ánh", "Ước", "Hưởng"];
    private static readonly string[] Addresses =
    [
        "Thôn 4 Thủ Trại, Phúc Hòa, Phúc Thọ, Hà Nội",
        "Số 12 ngõ 85 Trần Duy Hưng, Trung Hòa, Cầu Giấy, Hà Nội",
        "Tổ 3, Khu phố 2, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
        "Xóm Đồng Quýt, Xã Nghĩa Hưng, Huyện Nghĩa Đàn, Tỉnh Nghệ An",
        "Ấp Phước Hưng, Xã Mỹ Phước, Huyện Mỹ Tú, Tỉnh Sóc Trăng",
        "Buôn Ea Kmát, Xã Hòa Đông, Huyện Krông Pắc, Tỉnh Đắk Lắk",
        "Khối 7, Thị trấn Quỳ Hợp, Huyện Quỳ Hợp, Tỉnh Nghệ An",
        "Thôn Phú Mỹ, Xã Quảng Lợi, Huyện Quảng Điền, Tỉnh Thừa Thiên Huế",
    ];

    /// <summary>A valid card's values: the number agrees with the birth date, sex and a real province code.</summary>
    public static IdCardQr Card(Random random, IdCardKind kind)
    {
        var female = random.Next(2) == 1;
        var birth = new DateOnly(random.Next(1995, 2009), random.Next(1, 13), random.Next(1, 29));
        var province = BirthProvinces.All.Keys.ElementAt(random.Next(BirthProvinces.All.Count));
        var centuryAndSex = (birth.Year - 1900) / 100 * 2 + (female ? 1 : 0);
        var number = $"{province}{centuryAndSex}{birth.Year % 100:00}{random.Next(0, 1_000_000):000000}";
        var issued = kind == IdCardKind.CanCuoc2024
            ? new DateOnly(2024, 7, 1).AddDays(random.Next(0, 800))
            : new DateOnly(2021, 1, 4).AddDays(random.Next(0, 1200));
        var middle = female ? "Thị" : MiddleNames[random.Next(MiddleNames.Length)];
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {middle} {GivenNames[random.Next(GivenNames.Length)]}";
        var former = random.Next(3) == 0 ? null : random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        return new IdCardQr(number, former, name, birth, female, Addresses[random.Next(Addresses.Length)], issued);
    }

    /// <summary>The QR text as the cards carry it (CCCD-QR.md); a 2024 card may carry further fields, ignored by the parser.</summary>
    public static string QrText(IdCardQr card, string? extraFields = null)
        => string.Join('|', card.Number, card.FormerCmnd ?? "", card.FullName, card.BirthDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture),
            card.IsFemale ? "Nữ" : "Nam", card.Address, card.IssueDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture)) + (extraFields ?? "");

    /// <summary>A JPEG photo of a card whose QR code holds <paramref name="qrText"/>.</summary>
    public static byte[] Photo(string qrText, PhotoConditions conditions, int seed)
    {
        var random = new Random(seed);
        using var card = DrawCard(qrText, (int)(conditions.PhotoWidth * conditions.CardWidthShare), random);
        var info = new SKImageInfo(conditions.PhotoWidth, conditions.PhotoHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        DrawBackground(canvas, info, random);
        canvas.Save();
        canvas.Translate(info.Width / 2f + random.Next(-info.Width / 20, info.Width / 20), info.Height / 2f + random.Next(-info.Height / 20, info.Height / 20));
        canvas.RotateDegrees(conditions.RotationDegrees);
        using (var paint = new SKPaint { IsAntialias = true })
        {
            paint.ImageFilter = conditions.BlurSigma > 0 ? SKImageFilter.CreateBlur(conditions.BlurSigma, conditions.BlurSigma) : null;
            canvas.DrawImage(card, -card.Width / 2f, -card.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }
        canvas.Restore();
        if (conditions.LightFalloff > 0) DrawUnevenLight(canvas, info, conditions.LightFalloff, random);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, conditions.JpegQuality);
        return data.ToArray();
    }

    /// <summary>A PNG of a bare QR code (a link, a bank code…), for "not a card" cases.</summary>
    public static byte[] BareQr(string text, int size = 600)
    {
        var matrix = Encode(text);
        using var bitmap = Render(matrix, size);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static ZXing.Common.BitMatrix Encode(string text)
        => new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, new Dictionary<EncodeHintType, object>
        {
            [EncodeHintType.CHARACTER_SET] = "UTF-8",
            [EncodeHintType.ERROR_CORRECTION] = ErrorCorrectionLevel.M,
            [EncodeHintType.MARGIN] = 0,
        });

    private static SKBitmap Render(ZXing.Common.BitMatrix matrix, int size)
    {
        const int quiet = 2;
        var modules = matrix.Width + 2 * quiet;
        var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var black = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = false };
        var cell = (float)size / modules;
        for (var y = 0; y < matrix.Height; y++)
            for (var x = 0; x < matrix.Width; x++)
                if (matrix[x, y]) canvas.DrawRect((x + quiet) * cell, (y + quiet) * cell, cell, cell, black);
        return bitmap;
    }

    private static SKImage DrawCard(string qrText, int width, Random random)
    {
        var height = (int)(width * 54 / 85.6);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using var paint = new SKPaint { IsAntialias = true };
        // The card's printed background: pale green-yellow with guilloche-like lines.
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor(214, 232, 214), new SKColor(238, 236, 200), new SKColor(205, 225, 235)], SKShaderTileMode.Clamp);
        canvas.DrawRoundRect(0, 0, width, height, width * 0.04f, width * 0.04f, paint);
        paint.Shader = null;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = Math.Max(1, width / 600f);
        paint.Color = new SKColor(150, 185, 160, 110);
        for (var i = 0; i < 14; i++)
            canvas.DrawOval(width * (0.2f + (float)random.NextDouble() * 0.6f), height * 0.5f, width * (0.1f + i * 0.03f), height * (0.08f + i * 0.02f), paint);
        paint.Style = SKPaintStyle.Fill;
        // Portrait box and text lines.
        paint.Color = new SKColor(120, 130, 150);
        canvas.DrawRect(width * 0.04f, height * 0.32f, width * 0.24f, height * 0.5f, paint);
        paint.Color = new SKColor(40, 40, 70);
        for (var i = 0; i < 6; i++)
            canvas.DrawRect(width * 0.32f, height * (0.34f + i * 0.1f), width * (0.25f + (float)random.NextDouble() * 0.3f), height * 0.035f, paint);
        // The QR code: ≈ 18 mm of the card's 85.6 mm, top right.
        var qrSize = (int)(width * 18 / 85.6);
        using var qr = Render(Encode(qrText), qrSize);
        using var qrImage = SKImage.FromBitmap(qr);
        canvas.DrawImage(qrImage, width - qrSize - width * 0.04f, height * 0.08f, new SKSamplingOptions(SKFilterMode.Nearest));
        return surface.Snapshot();
    }

    private static void DrawBackground(SKCanvas canvas, SKImageInfo info, Random random)
    {
        canvas.Clear(new SKColor((byte)random.Next(90, 200), (byte)random.Next(80, 180), (byte)random.Next(60, 160)));
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 40; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(40, 160));
            canvas.DrawCircle(random.Next(info.Width), random.Next(info.Height), random.Next(10, info.Width / 8), paint);
        }
        // Some text-like clutter (a desk, a notebook) around the card.
        paint.Color = new SKColor(30, 30, 30, 120);
        for (var i = 0; i < 30; i++) canvas.DrawRect(random.Next(info.Width), random.Next(info.Height), random.Next(20, 200), random.Next(3, 12), paint);
    }

    /// <summary>Light from one side: a gradient darkening the far side by up to <paramref name="falloff"/>, plus a soft glare.</summary>
    private static void DrawUnevenLight(SKCanvas canvas, SKImageInfo info, float falloff, Random random)
    {
        var angle = random.NextDouble() * Math.PI * 2;
        var (dx, dy) = ((float)Math.Cos(angle) * info.Width / 2, (float)Math.Sin(angle) * info.Height / 2);
        var center = new SKPoint(info.Width / 2f, info.Height / 2f);
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(center.X - dx, center.Y - dy), new SKPoint(center.X + dx, center.Y + dy),
                [new SKColor(0, 0, 0, 0), new SKColor(0, 0, 0, (byte)(255 * falloff))], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, info.Width, info.Height, paint);
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(random.Next(info.Width), random.Next(info.Height)), info.Width / 4f,
            [new SKColor(255, 255, 240, 70), new SKColor(255, 255, 240, 0)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, info.Width, info.Height, paint);
    }
}
