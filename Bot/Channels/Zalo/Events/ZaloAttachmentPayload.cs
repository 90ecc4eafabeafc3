using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Events;

/// <summary>Where Zalo keeps an image (and its thumbnail).</summary>
public sealed record ZaloAttachmentPayload(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("thumbnail")] string? Thumbnail);
