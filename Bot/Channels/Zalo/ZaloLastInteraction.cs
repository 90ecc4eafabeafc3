using System.Globalization;
using System.Text.Json;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo.Api;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// When a Zalo user last interacted with the OA, as Zalo itself knows it (<c>POST /v3.0/oa/quota/message</c> with the
/// user id, <c>data.last_interaction</c>): asked by the reply window only when the store has no row for the user (a
/// student who wrote before the windows were kept, or whose row was lost). Any failure is "unknown", never an error.
/// </summary>
public sealed class ZaloLastInteraction(IZaloOaApi api, ZaloTokenStore tokens, ILogger<ZaloLastInteraction> logger) : ILastInteractionSource
{
    public async Task<DateTimeOffset?> LastInteractionAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tokens.CallWithFreshTokenAsync(() => api.GetMessageQuotaAsync(new ZaloQuotaRequest(userId), cancellationToken), cancellationToken);
            if (response.IsSuccessStatusCode && response.Content is { Error: 0, Data.LastInteraction: { } value } && Parse(value) is { } at)
                return at;
            logger.LogInformation("Zalo's quota answer gave no last interaction (HTTP {Status}, Zalo error {Error})",
                (int?)response.StatusCode, response.Content?.Error);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading the last interaction from Zalo failed: {Error}", ExceptionSummary.Describe(e, withStack: false));
            return null;
        }
    }

    /// <summary>Epoch milliseconds (a number or digits in a string; seconds when it is too small for milliseconds) or an ISO 8601 date-time.</summary>
    internal static DateTimeOffset? Parse(JsonElement value)
    {
        long? epoch = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (epoch is > 0 and < 100_000_000_000) return DateTimeOffset.FromUnixTimeSeconds(epoch.Value);
        if (epoch is > 0) return DateTimeOffset.FromUnixTimeMilliseconds(epoch.Value);
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
