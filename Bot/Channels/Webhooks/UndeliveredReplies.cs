namespace VssBot.Bot.Channels.Webhooks;

/// <summary>A message the bot wanted to send but did not (window closed, the platform refused it).</summary>
/// <param name="UserId">The platform's id of the user (kept in memory for follow-up, never logged).</param>
public sealed record UndeliveredReply(string ChannelId, string UserId, DateTimeOffset At, string Reason, string ActivityType);

/// <summary>
/// What could not be sent, for staff to follow up by other means: logged (channel and reason only) and kept
/// in memory, the latest <see cref="Capacity"/> entries. Never holds message text.
/// </summary>
public sealed class UndeliveredReplies(TimeProvider clock, ILogger<UndeliveredReplies> logger)
{
    public const int Capacity = 1000;

    private readonly LinkedList<UndeliveredReply> entries = new();
    private readonly Lock sync = new();

    public IReadOnlyList<UndeliveredReply> Recent
    {
        get { lock (sync) return [.. entries]; }
    }

    public void Record(string channelId, string userId, string reason, string activityType)
    {
        logger.LogWarning("A {ActivityType} on {ChannelId} was not sent: {Reason}", activityType, channelId, reason);
        lock (sync)
        {
            entries.AddLast(new UndeliveredReply(channelId, userId, clock.GetUtcNow(), reason, activityType));
            while (entries.Count > Capacity)
                entries.RemoveFirst();
        }
    }
}
