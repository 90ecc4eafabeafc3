using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Send;

/// <summary>The Send API's answer: the message id Meta gave the sent message.</summary>
public sealed record MessengerSendResponse(
    [property: JsonPropertyName("recipient_id")] string? RecipientId,
    [property: JsonPropertyName("message_id")] string? MessageId);
