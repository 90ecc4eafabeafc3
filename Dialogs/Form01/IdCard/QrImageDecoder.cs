using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>
/// Finds the text of a QR code in a photo. SkiaSharp decodes the image (a large JPEG is downscaled inside the decoder, which
/// is several times faster than decoding it whole); ZXing.Net looks for the code on a few sizes, from fast to thorough, and
/// stops at the first code read. ZXing's detector takes rotation and perspective itself. Work is bounded: the encoded size
/// and the pixel count are checked before any pixel is decoded, and cancellation is honoured between attempts.
/// Stateless and thread-safe.
/// </summary>
public sealed class QrImageDecoder(IdCardPhotoOptions options)
{
    /// <summary>The long side the photo is first decoded at: a card filling half a phone photo gives its QR code ≥ 4 px a module.</summary>
    private const int WorkingSize = 2000;
    /// <summary>Photos up to this size (a chat app's copy is ≈ 2048 px) may give a card's QR code only 2–4 px a module.</summary>
    private const int SmallPhoto = 2100;
    private static readonly SKEncodedImageFormat[] Formats = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    /// <summary>The QR text, or why there is none.</summary>
    public QrImageResult Decode(ReadOnlySpan<byte> image, CancellationToken cancellationToken)
    {
        if (image.Length > options.MaxImageBytes) return QrImageResult.Of(QrImageProblem.TooLarge);
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Formats.Contains(codec.EncodedFormat)) return QrImageResult.Of(QrImageProblem.NotAnImage);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return QrImageResult.Of(QrImageProblem.NotAnImage);
        if ((long)width * height > options.MaxPixels) return QrImageResult.Of(QrImageProblem.TooLarge);

        var working = DecodeGray(codec, WorkingSize);
        if (working is null) return QrImageResult.Of(QrImageProblem.NotAnImage);
        var half = working.Half();
        var reader = new QRCodeReader();
        foreach (var (window, tryHarder) in Attempts(working, half))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(reader, window, tryHarder) is { } text) return new QrImageResult(text, null);
        }
        // A small code in a large photo: the photo at full size, when it is larger than the working size.
        if (Math.Max(width, height) > working.LongSide * 3 / 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DecodeGray(codec, Math.Max(width, height)) is { } full && Read(reader, full.Whole, tryHarder: true) is { } text)
                return new QrImageResult(text, null);
        }
        return QrImageResult.Of(QrImageProblem.NoQrCode);
    }

    /// <summary>Decodes to grey with the long side no less than <paramref name="longSide"/> (or the photo's own), letting the codec downscale.</summary>
    private static GrayImage? DecodeGray(SKCodec codec, int longSide)
    {
        var scale = Math.Min(1f, (float)longSide / Math.Max(codec.Info.Width, codec.Info.Height));
        var size = codec.GetScaledDimensions(scale);
        if (Math.Max(size.Width, size.Height) < longSide) size = codec.Info.Size; // the codec rounded below what is needed
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var color = new SKBitmap(info);
        var result = codec.GetPixels(info, color.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        return GrayImage.FromBgra(color.GetPixelSpan(), size.Width, size.Height, color.RowBytes);
    }

    /// <summary>
    /// Fast first (a sharp, well-framed photo, at half size, which also forgives blur and JPEG noise), then thorough on the
    /// whole photo, then on overlapping windows: ZXing keeps the three likeliest finder patterns of what it is given, and on a
    /// busy photo (portrait, text, a patterned desk) false candidates can win; a window holding the whole code leaves fewer.
    /// </summary>
    private static IEnumerable<(Window Window, bool TryHarder)> Attempts(GrayImage working, GrayImage? half)
    {
        yield return ((half ?? working).Whole, false);
        yield return (working.Whole, true);
        if (half is not null) yield return (half.Whole, true);
        // Windows of half the width and height, a quarter apart: any code smaller than a quarter of the photo lies whole in one.
        // In a small photo the code has few pixels a module: the window is enlarged twice (bilinear), which lets the binarizer
        // and the sampler work between JPEG-blurred pixels instead of on them.
        var enlarge = working.LongSide <= SmallPhoto;
        var (w, h) = (working.Width / 2, working.Height / 2);
        for (var y = 0; y + h <= working.Height; y += h / 2)
            for (var x = 0; x + w <= working.Width; x += w / 2)
                yield return (enlarge ? working.Enlarged(x, y, w, h).Whole : new Window(working, x, y, w, h), true);
    }

    private static string? Read(QRCodeReader reader, Window window, bool tryHarder)
    {
        var image = window.Image;
        var source = new PlanarYUVLuminanceSource(image.Pixels, image.Width, image.Height, window.Left, window.Top, window.Width, window.Height, false);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.CHARACTER_SET] = "UTF-8" };
        if (tryHarder) hints[DecodeHintType.TRY_HARDER] = true;
        try
        {
            return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
        }
        catch (ReaderException)
        {
            return null; // ZXing's "not found / checksum / format" outcomes
        }
        finally
        {
            reader.reset();
        }
    }
}

/// <summary>A rectangle of an image ZXing is asked to read (no copy).</summary>
internal sealed record Window(GrayImage Image, int Left, int Top, int Width, int Height);

/// <summary>An 8-bit luminance image, rows packed: exactly the plane ZXing reads.</summary>
internal sealed class GrayImage(byte[] pixels, int width, int height)
{
    public byte[] Pixels { get; } = pixels;
    public int Width { get; } = width;
    public int Height { get; } = height;
    public int LongSide => Math.Max(Width, Height);
    public Window Whole => new(this, 0, 0, Width, Height);

    /// <summary>Luma (BT.601 weights, integer arithmetic) of premultiplied-opaque BGRA pixels.</summary>
    public static GrayImage FromBgra(ReadOnlySpan<byte> bgra, int width, int height, int rowBytes)
    {
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = bgra.Slice(y * rowBytes, width * 4);
            var target = gray.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
                target[x] = (byte)((row[x * 4] * 29 + row[x * 4 + 1] * 150 + row[x * 4 + 2] * 77) >> 8);
        }
        return new GrayImage(gray, width, height);
    }

    /// <summary>A rectangle of this image at twice its size, bilinear.</summary>
    public GrayImage Enlarged(int left, int top, int width, int height)
    {
        var (w, h) = (width * 2, height * 2);
        var big = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            // Target pixel centres map to source coordinates (y + 0.5) / 2 - 0.5, i.e. between two source rows.
            var sy = Math.Clamp(top + (y - 1) / 2, 0, Height - 1);
            var sy2 = Math.Min(sy + 1, Height - 1);
            var fy = y % 2 == 0 ? 1 : 3; // weight of row sy, in quarters
            if (y == 0) (sy2, fy) = (sy, 4);
            for (var x = 0; x < w; x++)
            {
                var sx = Math.Clamp(left + (x - 1) / 2, 0, Width - 1);
                var sx2 = Math.Min(sx + 1, Width - 1);
                var fx = x % 2 == 0 ? 1 : 3;
                if (x == 0) (sx2, fx) = (sx, 4);
                var topMix = Pixels[sy * Width + sx] * fx + Pixels[sy * Width + sx2] * (4 - fx);
                var bottomMix = Pixels[sy2 * Width + sx] * fx + Pixels[sy2 * Width + sx2] * (4 - fx);
                big[y * w + x] = (byte)((topMix * fy + bottomMix * (4 - fy) + 8) >> 4);
            }
        }
        return new GrayImage(big, w, h);
    }

    /// <summary>Half the size, each pixel the mean of four; null when too small to be worth it.</summary>
    public GrayImage? Half()
    {
        if (LongSide < 1000) return null;
        var (w, h) = (Width / 2, Height / 2);
        var half = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var top = Pixels.AsSpan(2 * y * Width, Width);
            var bottom = Pixels.AsSpan((2 * y + 1) * Width, Width);
            for (var x = 0; x < w; x++)
                half[y * w + x] = (byte)((top[2 * x] + top[2 * x + 1] + bottom[2 * x] + bottom[2 * x + 1] + 2) >> 2);
        }
        return new GrayImage(half, w, h);
    }
}

public enum QrImageProblem { TooLarge, NotAnImage, NoQrCode }

/// <summary>The QR code's text, or the problem.</summary>
public sealed record QrImageResult(string? Text, QrImageProblem? Problem)
{
    public static QrImageResult Of(QrImageProblem problem) => new(null, problem);
}
