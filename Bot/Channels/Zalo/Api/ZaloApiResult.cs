using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>What every OA API answer has: <c>error</c>, 0 on success.</summary>
public interface IZaloResult
{
    int Error { get; }
}

/// <summary>A send's answer: <c>error</c> 0 on success; <c>data.message_id</c> for a sent message.</summary>
public sealed record ZaloApiResult(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] ZaloSentMessage? Data) : IZaloResult
{
    /// <summary>The access token is invalid or has expired (refresh, then retry once).</summary>
    public const int InvalidAccessToken = -216;
}

public sealed record ZaloSentMessage(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("user_id")] string? UserId);

/// <summary>
/// The answer of <c>POST /v3.0/oa/quota/message</c> with a <c>user_id</c>: the user's message quota, with
/// <c>data.last_interaction</c>, when the user last interacted with the OA (shape unverified, see PROTOCOL.md).
/// </summary>
public sealed record ZaloQuotaResult(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] ZaloUserQuota? Data) : IZaloResult;

/// <summary><c>last_interaction</c> as Zalo sends it: epoch milliseconds (a number or a string) or a date-time text.</summary>
public sealed record ZaloUserQuota(
    [property: JsonPropertyName("last_interaction")] System.Text.Json.JsonElement? LastInteraction);

public sealed record ZaloQuotaRequest([property: JsonPropertyName("user_id")] string UserId);
