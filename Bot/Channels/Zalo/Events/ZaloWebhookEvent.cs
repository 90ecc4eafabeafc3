using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Events;

/// <summary>
/// One webhook event (Zalo posts one per request): <c>event_name</c> user_send_text, user_send_image, follow,
/// unfollow, …; <c>timestamp</c> epoch milliseconds as a string. For messages <c>sender.id</c> is the user, for
/// follow/unfollow <c>follower.id</c>.
/// </summary>
public sealed record ZaloWebhookEvent(
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("event_name")] string? EventName,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(StringOrNumberConverter))] string? Timestamp,
    [property: JsonPropertyName("user_id_by_app")] string? UserIdByApp,
    [property: JsonPropertyName("oa_id")] string? OaId,
    [property: JsonPropertyName("sender")] ZaloParticipant? Sender,
    [property: JsonPropertyName("recipient")] ZaloParticipant? Recipient,
    [property: JsonPropertyName("follower")] ZaloParticipant? Follower,
    [property: JsonPropertyName("message")] ZaloMessage? Message)
{
    public const string UserSendText = "user_send_text";
    public const string UserSendImage = "user_send_image";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
}
