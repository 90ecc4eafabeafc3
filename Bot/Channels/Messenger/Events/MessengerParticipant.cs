using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>A sender or recipient: a user's PSID or the page id.</summary>
public sealed record MessengerParticipant([property: JsonPropertyName("id")] string? Id);
