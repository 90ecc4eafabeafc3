using VssBot.Bot.Channels.Webhooks.Stores;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// When each user last wrote, for platforms that only let a page/OA answer within a window after the user's last message
/// (Messenger: 24 hours; Zalo: see Zalo/PROTOCOL.md). Durable: every message is written to <see cref="IReplyWindowStore"/>
/// (the SQLite file, or PostgreSQL shared by replicas) and the recent ones are read back at start; a user this instance has
/// not seen is looked up in the store, so a window opened through another replica counts; a user the store has no row for
/// is looked up on the platform where it can say (<see cref="ILastInteractionSource"/>, Zalo) and the answer kept in the
/// store. One instance per channel.
/// </summary>
public sealed class ReplyWindow(string channelId, TimeSpan length, TimeProvider clock, IReplyWindowStore store, ILastInteractionSource? platform = null)
{
    private const int PruneAbove = 50_000;

    private readonly Dictionary<string, DateTimeOffset> lastWrote = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public string ChannelId => channelId;

    public TimeSpan Length => length;

    /// <summary>Records a message from <paramref name="userId"/> at <paramref name="at"/> (the platform's timestamp, or now).</summary>
    public async Task UserWroteAsync(string userId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var when = at is { } t && t <= clock.GetUtcNow() ? t : clock.GetUtcNow();
        Remember(userId, when);
        await store.RecordAsync(channelId, userId, when, cancellationToken);
    }

    /// <summary>Whether a message to <paramref name="userId"/> may go out now (memory first, then the store, then the platform).</summary>
    public async Task<bool> IsOpenAsync(string userId, CancellationToken cancellationToken)
    {
        if (IsOpenInMemory(userId))
            return true;
        var last = await store.LastWroteAsync(channelId, userId, cancellationToken);
        if (last is null && platform is not null && await platform.LastInteractionAsync(userId, cancellationToken) is { } known)
        {
            last = known < clock.GetUtcNow() ? known : clock.GetUtcNow();
            await store.RecordAsync(channelId, userId, last.Value, cancellationToken);
        }
        if (last is null)
            return false;
        Remember(userId, last.Value);
        return clock.GetUtcNow() - last.Value < length;
    }

    /// <summary>The platform refused a message as outside its window: the estimate was wrong, forget it.</summary>
    public async Task CloseAsync(string userId, CancellationToken cancellationToken)
    {
        lock (sync)
            lastWrote.Remove(userId);
        await store.ForgetAsync(channelId, userId, cancellationToken);
    }

    /// <summary>Reads back the windows still open (at start). Returns how many.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var open = await store.WroteSinceAsync(channelId, clock.GetUtcNow() - length, cancellationToken);
        foreach (var (user, at) in open)
            Remember(user, at);
        return open.Count;
    }

    private bool IsOpenInMemory(string userId)
    {
        lock (sync)
            return lastWrote.TryGetValue(userId, out var last) && clock.GetUtcNow() - last < length;
    }

    private void Remember(string userId, DateTimeOffset when)
    {
        lock (sync)
        {
            if (!lastWrote.TryGetValue(userId, out var previous) || previous < when)
                lastWrote[userId] = when;
            if (lastWrote.Count > PruneAbove)
                Prune();
        }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (user, last) in lastWrote.ToList())
            if (now - last >= length)
                lastWrote.Remove(user);
    }
}
