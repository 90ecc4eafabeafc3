using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>One webhook POST: <c>{"object":"page","entry":[…]}</c>; entries may batch events of several users.</summary>
public sealed record MessengerWebhookEvent(
    [property: JsonPropertyName("object")] string? Object,
    [property: JsonPropertyName("entry")] IReadOnlyList<MessengerEntry>? Entry);
