using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.DirectLine;
using VssBot.Dialogs.Form01.IdCard;

namespace VssBot.Bot.Channels.Images;

/// <summary>
/// The bytes of a student's image for the ID card reader: a Direct Line upload is read from the bot's own store (its
/// signed link is checked, nothing goes over the network); a Messenger or Zalo image is downloaded over HTTPS from an
/// allowed host only, redirects included, and never more than the size limit. The bytes stay in memory for the read.
/// </summary>
public sealed partial class ChannelAttachmentContent(AttachmentStore uploads, IHttpClientFactory httpClients, IOptions<ChannelImagesOptions> options) : IAttachmentContent
{
    public const string HttpClientName = "channel-images";
    private const int MaxRedirects = 3;

    public async Task<AttachmentContent> ReadAsync(Attachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var url)) return AttachmentContent.Unavailable;
        if (DirectLineUpload().Match(url.AbsolutePath) is { Success: true } upload)
            return await ReadUploadAsync(upload.Groups[1].Value, upload.Groups[2].Value, Signature(url), maxBytes, cancellationToken);
        return await DownloadAsync(url, maxBytes, cancellationToken);
    }

    private async Task<AttachmentContent> ReadUploadAsync(string conversationId, string file, string? signature, long maxBytes, CancellationToken ct)
    {
        if (await uploads.ReadAsync(conversationId, file, signature, ct) is not { } image) return AttachmentContent.Unavailable;
        if (image.Content.Length > maxBytes) return AttachmentContent.Oversized;
        return new AttachmentContent(image.Content, false);
    }

    private async Task<AttachmentContent> DownloadAsync(Uri url, long maxBytes, CancellationToken ct)
    {
        var client = httpClients.CreateClient(HttpClientName);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!IsAllowed(url)) return AttachmentContent.Unavailable;
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect && response.Headers.Location is { } next)
            {
                url = next.IsAbsoluteUri ? next : new Uri(url, next);
                continue;
            }
            if (!response.IsSuccessStatusCode) return AttachmentContent.Unavailable;
            if (response.Content.Headers.ContentLength > maxBytes) return AttachmentContent.Oversized;
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return AttachmentContent.Oversized;
                buffer.Write(chunk, 0, read);
            }
            return new AttachmentContent(buffer.ToArray(), false);
        }
        return AttachmentContent.Unavailable;
    }

    private bool IsAllowed(Uri url)
        => url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
           && options.Value.AllowedHosts.Any(h => url.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    private static string? Signature(Uri url)
        => url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "sig") is [_, var value] ? Uri.UnescapeDataString(value) : null;

    [GeneratedRegex(@"^/v3/directline/attachments/([^/]+)/([^/]+)$")]
    private static partial Regex DirectLineUpload();
}
