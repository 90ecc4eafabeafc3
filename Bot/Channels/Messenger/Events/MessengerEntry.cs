using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>The events of one page: <c>id</c> is the page id, <c>time</c> epoch milliseconds.</summary>
public sealed record MessengerEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("time")] long Time,
    [property: JsonPropertyName("messaging")] IReadOnlyList<MessengerMessaging>? Messaging);
