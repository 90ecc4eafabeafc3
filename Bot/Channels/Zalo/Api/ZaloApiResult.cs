using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>Every OA API answer: <c>error</c> 0 on success; <c>data.message_id</c> for a sent message.</summary>
public sealed record ZaloApiResult(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] ZaloSentMessage? Data)
{
    /// <summary>The access token is invalid or has expired (refresh, then retry once).</summary>
    public const int InvalidAccessToken = -216;
}

public sealed record ZaloSentMessage(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("user_id")] string? UserId);
