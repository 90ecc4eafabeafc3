using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>
/// The bytes of an image a student sent, wherever the channel keeps it (a Direct Line upload, a Messenger or Zalo CDN link).
/// Implemented by the host, which knows its channels; the conversation never sees URLs it should not fetch.
/// </summary>
public interface IAttachmentContent
{
    /// <summary>The image, or why not: larger than <paramref name="maxBytes"/>, or not reachable / not an allowed source.</summary>
    Task<AttachmentContent> ReadAsync(Attachment attachment, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>The bytes of an attachment (never logged, never stored by the reader), or why there are none.</summary>
public sealed record AttachmentContent(byte[]? Bytes, bool TooLarge)
{
    public static AttachmentContent Unavailable { get; } = new(null, false);
    public static AttachmentContent Oversized { get; } = new(null, true);
}
