using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Events;

/// <summary>An attachment: <c>type</c> image, gif, file, sticker, link, location, …; the bot takes images.</summary>
public sealed record ZaloAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] ZaloAttachmentPayload? Payload);
