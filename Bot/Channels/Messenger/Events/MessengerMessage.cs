using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>A message a user sent (or, with <see cref="IsEcho"/>, one the page sent: ignored).</summary>
public sealed record MessengerMessage(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("quick_reply")] MessengerQuickReply? QuickReply,
    [property: JsonPropertyName("attachments")] IReadOnlyList<MessengerAttachment>? Attachments,
    [property: JsonPropertyName("is_echo")] bool IsEcho = false);
