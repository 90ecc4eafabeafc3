namespace VssBot.Bot.Storage.Notifications;

/// <summary>Notifications within this process: the SQLite (single-instance) and in-memory providers.</summary>
public sealed class LocalChangeNotifications : IChangeNotifications
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, List<Action<string>>> handlers = new(StringComparer.Ordinal);

    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        Dispatch(topic, payload);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string> handler)
    {
        lock (sync)
        {
            if (!handlers.TryGetValue(topic, out var list))
                handlers[topic] = list = [];
            list.Add(handler);
        }
        return new Unsubscriber(() => { lock (sync) handlers[topic].Remove(handler); });
    }

    /// <summary>Calls the handlers of <paramref name="topic"/>; a failing handler does not stop the others.</summary>
    internal void Dispatch(string topic, string payload)
    {
        Action<string>[] current;
        lock (sync)
            current = handlers.TryGetValue(topic, out var list) ? [.. list] : [];
        foreach (var handler in current)
        {
            try { handler(payload); }
            catch (Exception) { /* a subscriber's failure is its own; the others still hear */ }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}
