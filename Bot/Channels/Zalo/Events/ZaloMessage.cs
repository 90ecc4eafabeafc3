using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Events;

/// <summary>A user's message: text, or image attachments (with an optional caption in <c>text</c>).</summary>
public sealed record ZaloMessage(
    [property: JsonPropertyName("msg_id")] string? MsgId,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<ZaloAttachment>? Attachments);
