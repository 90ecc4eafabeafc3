using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>A tapped postback button (e.g. "Get Started" or a persistent-menu item).</summary>
public sealed record MessengerPostback(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("payload")] string? Payload);
