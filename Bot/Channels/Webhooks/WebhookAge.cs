namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// Platform timestamps (Unix milliseconds) read without trusting them, and the replay rule: an event older than the
/// platform's reply window is acknowledged (200, so the platform stops retrying) and dropped, no turn runs.
/// </summary>
public static class WebhookAge
{
    /// <summary>The instant, or null when the value is not a plausible time (0, negative, beyond year 9999).</summary>
    public static DateTimeOffset? FromUnixMilliseconds(long milliseconds) =>
        milliseconds > 0 && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    /// <summary>Older than <paramref name="window"/>: a replay or a redelivery the bot could no longer answer anyway.</summary>
    public static bool IsStale(DateTimeOffset? timestamp, TimeProvider clock, TimeSpan window) =>
        timestamp is { } at && at < clock.GetUtcNow() - window;
}
