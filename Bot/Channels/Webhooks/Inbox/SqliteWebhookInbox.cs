using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// <see cref="IWebhookInbox"/> in its own SQLite file (<see cref="SqliteWebhookInboxFile"/>; one instance). A claim is one UPDATE … RETURNING, atomic in
/// SQLite; timestamps are fixed-width UTC text, so text order is time order. Every write takes the file's write gate.
/// </summary>
public sealed class SqliteWebhookInbox(SqliteWebhookInboxFile database, IPersonalDataProtector protector) : IWebhookInbox
{
    public async Task<bool> AddAsync(InboxEvent e, CancellationToken cancellationToken)
    {
        return await database.WriteAsync("""
            INSERT INTO webhook_inbox (channel_id, event_id, user_id, received_at, body) VALUES ($channel, $event, $user, $received, $body)
            ON CONFLICT (channel_id, event_id) DO NOTHING
            """, cancellationToken,
            ("$channel", e.ChannelId), ("$event", e.EventId), ("$user", e.UserId), ("$received", SqliteChannelsDatabase.Timestamp(e.ReceivedAt)),
            ("$body", InboxBody.Protect(protector, e))) == 1;
    }

    public async Task<IReadOnlyList<InboxEvent>> ClaimAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset now, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using var command = write.Sql("""
            UPDATE webhook_inbox SET leased_until = $until, attempts = attempts + 1
            WHERE seq IN (
                SELECT i.seq FROM webhook_inbox i
                WHERE i.processed_at IS NULL AND i.channel_id IN (SELECT value FROM json_each($channels))
                  AND (i.leased_until IS NULL OR i.leased_until <= $now)
                  AND NOT EXISTS (SELECT 1 FROM webhook_inbox p
                                  WHERE p.channel_id = i.channel_id AND p.user_id = i.user_id AND p.processed_at IS NULL AND p.seq < i.seq)
                ORDER BY i.seq LIMIT $limit)
            RETURNING seq, channel_id, event_id, user_id, received_at, body, attempts
            """, ("$channels", System.Text.Json.JsonSerializer.Serialize(channelIds)), ("$now", SqliteChannelsDatabase.Timestamp(now)),
            ("$until", SqliteChannelsDatabase.Timestamp(leaseUntil)), ("$limit", limit));
        var claimed = new List<(long Seq, InboxEvent Event)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var (channel, eventId) = (reader.GetString(1), reader.GetString(2));
                claimed.Add((reader.GetInt64(0), new InboxEvent(channel, eventId, reader.GetString(3), SqliteChannelsDatabase.ParseTimestamp(reader.GetString(4)),
                    InboxBody.Unprotect(protector, channel, eventId, reader.GetString(5)), reader.GetInt32(6))));
            }
        await write.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(c => c.Seq).Select(c => c.Event)];
    }

    public Task<bool> RenewAsync(InboxEvent claimed, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "leased_until = $until", cancellationToken, ("$until", SqliteChannelsDatabase.Timestamp(leaseUntil)));

    public Task<bool> ReleaseAsync(InboxEvent claimed, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "leased_until = NULL", cancellationToken);

    public Task<bool> CompleteAsync(InboxEvent claimed, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, "processed_at = $at, body = NULL, leased_until = NULL", cancellationToken, ("$at", SqliteChannelsDatabase.Timestamp(at)));

    /// <summary>Changes the event only while <paramref name="claimed"/> is its latest claim (the fencing token is the claim count).</summary>
    private async Task<bool> UpdateClaimedAsync(InboxEvent claimed, string set, CancellationToken cancellationToken, params (string, object?)[] values)
    {
        return await database.WriteAsync(
            $"UPDATE webhook_inbox SET {set} WHERE channel_id = $channel AND event_id = $event AND attempts = $claim AND processed_at IS NULL",
            cancellationToken, [("$channel", claimed.ChannelId), ("$event", claimed.EventId), ("$claim", claimed.Attempts), .. values]) == 1;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync("DELETE FROM webhook_inbox WHERE processed_at < $before", cancellationToken, ("$before", SqliteChannelsDatabase.Timestamp(before)));
}
