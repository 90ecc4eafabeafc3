namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary><see cref="IWebhookInbox"/> in memory (Storage:Provider = Memory): lost on restart, like the rest of the state then.</summary>
public sealed class MemoryWebhookInbox : IWebhookInbox
{
    private sealed class Row(long seq, InboxEvent e)
    {
        public long Seq { get; } = seq;
        public InboxEvent Event { get; set; } = e;
        public DateTimeOffset? LeasedUntil { get; set; }
        public DateTimeOffset? ProcessedAt { get; set; }
    }

    private readonly Lock sync = new();
    private readonly List<Row> rows = [];
    private long nextSeq;

    public Task<bool> AddAsync(InboxEvent e, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (Find(e.ChannelId, e.EventId) is not null)
                return Task.FromResult(false);
            rows.Add(new Row(++nextSeq, e with { Attempts = 0 }));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InboxEvent>> ClaimAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        lock (sync)
        {
            var heads = rows.Where(r => r.ProcessedAt is null && channelIds.Contains(r.Event.ChannelId))
                .GroupBy(r => (r.Event.ChannelId, r.Event.UserId))
                .Select(g => g.MinBy(r => r.Seq)!)
                .Where(r => r.LeasedUntil is null || r.LeasedUntil <= now)
                .OrderBy(r => r.Seq)
                .Take(limit)
                .ToList();
            foreach (var row in heads)
            {
                row.LeasedUntil = leaseUntil;
                row.Event = row.Event with { Attempts = row.Event.Attempts + 1 };
            }
            return Task.FromResult<IReadOnlyList<InboxEvent>>([.. heads.Select(r => r.Event)]);
        }
    }

    public Task<bool> RenewAsync(InboxEvent claimed, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Update(claimed, r => r.LeasedUntil = leaseUntil);

    public Task<bool> ReleaseAsync(InboxEvent claimed, CancellationToken cancellationToken) =>
        Update(claimed, r => r.LeasedUntil = null);

    public Task<bool> CompleteAsync(InboxEvent claimed, DateTimeOffset at, CancellationToken cancellationToken) =>
        Update(claimed, r =>
        {
            r.ProcessedAt = at;
            r.LeasedUntil = null;
            r.Event = r.Event with { Activity = "" }; // the body is erased, the id kept
        });

    public Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        lock (sync)
            return Task.FromResult(rows.Count(r => r.ProcessedAt is null));
    }

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (sync)
            rows.RemoveAll(r => r.ProcessedAt < before);
        return Task.CompletedTask;
    }

    private Row? Find(string channelId, string eventId) => rows.Find(r => r.Event.ChannelId == channelId && r.Event.EventId == eventId);

    /// <summary>Changes the event only while <paramref name="claimed"/> is its latest claim.</summary>
    private Task<bool> Update(InboxEvent claimed, Action<Row> change)
    {
        lock (sync)
        {
            if (Find(claimed.ChannelId, claimed.EventId) is not { ProcessedAt: null } row || row.Event.Attempts != claimed.Attempts)
                return Task.FromResult(false);
            change(row);
            return Task.FromResult(true);
        }
    }
}
