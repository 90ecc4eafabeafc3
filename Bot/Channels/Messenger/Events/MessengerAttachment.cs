using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>An attachment of a user's message: <c>type</c> image, video, audio, file, …; the bot takes images.</summary>
public sealed record MessengerAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] MessengerAttachmentPayload? Payload);
