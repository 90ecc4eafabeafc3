using Npgsql;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// <see cref="IWebhookInbox"/> in PostgreSQL, shared by every replica. The insert NOTIFYs the replicas in the same
/// statement (one round trip per acknowledgement); claims take the heads of the users' queues with
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease (<c>leased_until</c>), so a turn runs outside any transaction and a dead
/// replica's events are taken over when the lease runs out.
/// </summary>
public sealed class PostgresWebhookInbox(PostgresDatabase database, IPersonalDataProtector protector) : IWebhookInbox
{
    public async Task<bool> AddAsync(InboxEvent e, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var added = await connection.ScalarAsync("""
            WITH added AS (
                INSERT INTO webhook_inbox (channel_id, event_id, user_id, received_at, body)
                VALUES (@channel, @event, @user, @received, @body)
                ON CONFLICT (channel_id, event_id) DO NOTHING
                RETURNING 1)
            SELECT count(*) FROM (SELECT pg_notify(@topic, '') FROM added) notified
            """, cancellationToken,
            ("channel", e.ChannelId), ("event", e.EventId), ("user", e.UserId), ("received", e.ReceivedAt),
            ("body", InboxBody.Protect(protector, e)), ("topic", ChangeTopics.WebhookInbox));
        return added is long count && count == 1;
    }

    public async Task<IReadOnlyList<InboxEvent>> ClaimAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A later event of a user is never a head while an earlier one is unprocessed, so at most one event per user is
        // leased at a time; SKIP LOCKED lets two replicas claiming at once take different users.
        await using var command = connection.Command("""
            WITH heads AS (
                SELECT i.seq FROM webhook_inbox i
                WHERE i.processed_at IS NULL AND i.channel_id = ANY(@channels)
                  AND (i.leased_until IS NULL OR i.leased_until <= @now)
                  AND NOT EXISTS (SELECT 1 FROM webhook_inbox p
                                  WHERE p.channel_id = i.channel_id AND p.user_id = i.user_id AND p.processed_at IS NULL AND p.seq < i.seq)
                ORDER BY i.seq LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE webhook_inbox w SET leased_until = @until, attempts = w.attempts + 1
            FROM heads WHERE w.seq = heads.seq
            RETURNING w.seq, w.channel_id, w.event_id, w.user_id, w.received_at, w.body, w.attempts
            """, ("channels", channelIds.ToArray()), ("now", now), ("until", leaseUntil), ("limit", limit));
        var claimed = new List<(long Seq, InboxEvent Event)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var (channel, eventId) = (reader.GetString(1), reader.GetString(2));
                claimed.Add((reader.GetInt64(0), new InboxEvent(channel, eventId, reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                    InboxBody.Unprotect(protector, channel, eventId, reader.GetString(5)), reader.GetInt32(6))));
            }
        return [.. claimed.OrderBy(c => c.Seq).Select(c => c.Event)];
    }

    public Task<bool> RenewAsync(InboxEvent claimed, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "leased_until = @until", cancellationToken, ("until", leaseUntil));

    public Task<bool> ReleaseAsync(InboxEvent claimed, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "leased_until = NULL", cancellationToken);

    public Task<bool> CompleteAsync(InboxEvent claimed, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "processed_at = @at, body = NULL, leased_until = NULL", cancellationToken, ("at", at));

    /// <summary>Changes the event only while <paramref name="claimed"/> is its latest claim (the fencing token is the claim count).</summary>
    private async Task<bool> UpdateClaimedAsync(InboxEvent claimed, string set, CancellationToken cancellationToken, params (string, object?)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"UPDATE webhook_inbox SET {set} WHERE channel_id = @channel AND event_id = @event AND attempts = @claim AND processed_at IS NULL",
            cancellationToken, [("channel", claimed.ChannelId), ("event", claimed.EventId), ("claim", claimed.Attempts), .. values]) == 1;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.ScalarAsync("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL", cancellationToken));
    }

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM webhook_inbox WHERE processed_at < @before", cancellationToken, ("before", before));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(sql, cancellationToken, parameters);
    }
}
