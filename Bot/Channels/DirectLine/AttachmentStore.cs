using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Images uploaded with an activity (the ID card photos), kept under the data folder and served back through a
/// signed link (<c>/v3/directline/attachments/{conversation}/{file}?sig=…</c>) that the bot and the widget can open
/// without a header. Only JPEG, PNG, GIF and WebP are accepted, recognised by their first bytes, never by the
/// client's claimed type: nothing uploaded can be served back as HTML or script.
/// </summary>
public sealed partial class AttachmentStore(DirectLineDataFolder folder, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    private const string Purpose = "attachment";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".jpg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    public int MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>Stores the image; null when it is not an accepted image or is too large.</summary>
    public async Task<Attachment?> SaveAsync(string conversationId, Stream content, string? fileName, string baseUrl, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        if (ExtensionOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } extension)
            return null;

        var file = $"{Guid.NewGuid():N}{extension}";
        var directory = Path.Combine(folder.Path, "uploads", conversationId);
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, file), buffer.ToArray(), cancellationToken);
        return new Attachment
        {
            ContentType = ContentTypes[extension],
            ContentUrl = $"{baseUrl.TrimEnd('/')}/v3/directline/attachments/{conversationId}/{file}?sig={tokens.SignValue(Purpose, $"{conversationId}/{file}")}",
            Name = SafeName(fileName) ?? file,
        };
    }

    /// <summary>The stored file and its content type when the link's signature is right.</summary>
    public (string Path, string ContentType)? Open(string conversationId, string file, string? signature)
    {
        if (!DirectLineIds.IsSafe(conversationId) || !FilePattern().IsMatch(file)
            || !tokens.VerifyValue(Purpose, $"{conversationId}/{file}", signature))
            return null;
        var path = Path.Combine(folder.Path, "uploads", conversationId, file);
        return File.Exists(path) ? (path, ContentTypes[Path.GetExtension(file)]) : null;
    }

    private static string? ExtensionOf(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => ".gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ".webp",
        _ => null,
    };

    /// <summary>A display name without paths or control characters.</summary>
    private static string? SafeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var clean = new string(Path.GetFileName(name).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, 100)];
    }

    [GeneratedRegex(@"^[a-f0-9]{32}\.(jpg|png|gif|webp)$")]
    private static partial Regex FilePattern();
}
