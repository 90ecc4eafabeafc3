namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>Limits on reading ID card photos (configuration section "IdCardPhotos" in the host).</summary>
public sealed class IdCardPhotoOptions
{
    public const string Section = "IdCardPhotos";

    /// <summary>The largest photo read, encoded (a phone's 12–50 MP JPEG is 3–12 MB).</summary>
    public long MaxImageBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>The most pixels a photo may declare; checked before decoding, so a crafted "decompression bomb" costs nothing.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Fetching and reading one photo, altogether; past it the student is asked to type or send a clearer photo.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);
}
