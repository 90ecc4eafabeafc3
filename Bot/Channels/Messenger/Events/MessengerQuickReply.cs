using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>The payload of the quick reply the user tapped (the message's text is its title).</summary>
public sealed record MessengerQuickReply([property: JsonPropertyName("payload")] string? Payload);
