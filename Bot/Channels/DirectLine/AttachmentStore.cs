using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Images uploaded with an activity (the ID card photos), kept in the <see cref="IUploadStore"/> and served back through a
/// signed link (<c>/v3/directline/attachments/{conversation}/{file}?sig=…</c>) that the bot and the widget can open
/// without a header. Only JPEG, PNG, GIF and WebP are accepted, recognised by their first bytes, never by the
/// client's claimed type: nothing uploaded can be served back as HTML or script. The images are encrypted with the
/// bot state's key, bound to the conversation and the file's name.
/// </summary>
public sealed partial class AttachmentStore(IUploadStore store, DirectLineTokens tokens, IOptions<DirectLineOptions> options,
    IPersonalDataProtector protector)
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
        var encrypted = protector.ProtectBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Context(conversationId, file));
        await store.SaveAsync(conversationId, file, encrypted, cancellationToken);
        return new Attachment
        {
            ContentType = ContentTypes[extension],
            ContentUrl = $"{baseUrl.TrimEnd('/')}/v3/directline/attachments/{conversationId}/{file}?sig={tokens.SignValue(Purpose, $"{conversationId}/{file}")}",
            Name = SafeName(fileName) ?? file,
        };
    }

    /// <summary>The image (decrypted) and its content type when the link's signature is right; null otherwise or when it is gone.</summary>
    public async Task<StoredImage?> ReadAsync(string conversationId, string file, string? signature, CancellationToken cancellationToken)
    {
        if (!DirectLineIds.IsSafe(conversationId) || !FilePattern().IsMatch(file)
            || !tokens.VerifyValue(Purpose, $"{conversationId}/{file}", signature))
            return null;
        if (await store.ReadAsync(conversationId, file, cancellationToken) is not { } stored)
            return null; // swept by retention
        // Files written before encryption are served as they are until the start-up rewrite has run.
        var content = protector.IsProtected(stored) ? protector.UnprotectBytes(stored, Context(conversationId, file)) : stored;
        return new StoredImage(content, ContentTypes[Path.GetExtension(file)]);
    }

    /// <summary>The encryption context of an image: its conversation and name (a row or file copied elsewhere does not decrypt).</summary>
    internal static string Context(string conversationId, string file) => $"dl_uploads|{conversationId}/{file}";

    /// <summary>A name this store gives (a random id and an image extension).</summary>
    internal static bool IsStoredName(string file) => FilePattern().IsMatch(file);

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

/// <summary>An uploaded image, decrypted.</summary>
public sealed record StoredImage(byte[] Content, string ContentType);
