using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>Where Meta keeps the attachment (a CDN URL that expires after a while).</summary>
public sealed record MessengerAttachmentPayload([property: JsonPropertyName("url")] string? Url);
