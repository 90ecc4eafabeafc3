using System.Collections.Concurrent;

namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>Reply windows in memory (Storage:Provider = Memory): lost on restart, like the rest of the state then.</summary>
public sealed class MemoryReplyWindowStore : IReplyWindowStore
{
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> lastWrote = new();

    public Task RecordAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lastWrote.AddOrUpdate((channelId, userId), at, (_, previous) => previous > at ? previous : at);
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> LastWroteAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(lastWrote.TryGetValue((channelId, userId), out var at) ? at : (DateTimeOffset?)null);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> WroteSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(lastWrote
            .Where(e => e.Key.Item1 == channelId && e.Value >= since)
            .ToDictionary(e => e.Key.Item2, e => e.Value, StringComparer.Ordinal));

    public Task ForgetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        lastWrote.TryRemove((channelId, userId), out _);
        return Task.CompletedTask;
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(lastWrote.Where(e => e.Value < cutoff).Count(e => lastWrote.TryRemove(e)));
}
