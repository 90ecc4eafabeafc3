namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// The platform message ids seen lately, so a webhook delivered twice (the platform retries on a slow or
/// lost acknowledgement) runs one turn. Bounded: at most <paramref name="capacity"/> ids, each forgotten
/// after <paramref name="lifetime"/>. Thread-safe; one instance per channel, held by a singleton.
/// </summary>
public sealed class RecentIds(TimeProvider clock, int capacity, TimeSpan lifetime)
{
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> order = new();
    private readonly Lock sync = new();

    public int Count
    {
        get { lock (sync) return seen.Count; }
    }

    /// <summary>True the first time <paramref name="id"/> is offered (within its lifetime), false for a repeat.</summary>
    public bool TryAdd(string id)
    {
        lock (sync)
        {
            var now = clock.GetUtcNow();
            while (order.TryPeek(out var oldest) && (now - oldest.At >= lifetime || order.Count >= capacity))
            {
                order.Dequeue();
                seen.Remove(oldest.Id);
            }
            if (!seen.TryAdd(id, now))
                return false;
            order.Enqueue((id, now));
            return true;
        }
    }
}
