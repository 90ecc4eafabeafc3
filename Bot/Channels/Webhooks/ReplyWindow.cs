namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// When each user last wrote, for platforms that only let a page/OA answer within a window after the
/// user's last message (Messenger: 24 hours; Zalo: see Zalo/PROTOCOL.md). In memory: after a restart a user
/// counts as outside the window until they write again (nothing is sent that might be refused or billed).
/// One instance per channel.
/// </summary>
public sealed class ReplyWindow(TimeSpan length, TimeProvider clock)
{
    private const int PruneAbove = 50_000;

    private readonly Dictionary<string, DateTimeOffset> lastWrote = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public TimeSpan Length => length;

    /// <summary>Records a message from <paramref name="userId"/> at <paramref name="at"/> (the platform's timestamp, or now).</summary>
    public void UserWrote(string userId, DateTimeOffset? at = null)
    {
        var when = at is { } t && t <= clock.GetUtcNow() ? t : clock.GetUtcNow();
        lock (sync)
        {
            if (!lastWrote.TryGetValue(userId, out var previous) || previous < when)
                lastWrote[userId] = when;
            if (lastWrote.Count > PruneAbove)
                Prune();
        }
    }

    public bool IsOpen(string userId)
    {
        lock (sync)
            return lastWrote.TryGetValue(userId, out var last) && clock.GetUtcNow() - last < length;
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (user, last) in lastWrote.ToList())
            if (now - last >= length)
                lastWrote.Remove(user);
    }
}
