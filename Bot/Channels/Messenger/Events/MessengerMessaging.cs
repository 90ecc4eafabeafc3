using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Events;

/// <summary>
/// One messaging event: a message (text, quick reply, attachments), a postback, or something the bot ignores
/// (delivery, read, reaction). <c>sender.id</c> is the user's page-scoped id (PSID).
/// </summary>
public sealed record MessengerMessaging(
    [property: JsonPropertyName("sender")] MessengerParticipant? Sender,
    [property: JsonPropertyName("recipient")] MessengerParticipant? Recipient,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] MessengerMessage? Message,
    [property: JsonPropertyName("postback")] MessengerPostback? Postback);
