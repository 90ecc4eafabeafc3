using Npgsql;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>Reply windows in PostgreSQL (Storage:Provider = Postgres), shared by replicas; the table comes from the schema migrations.</summary>
public sealed class PostgresReplyWindowStore(PostgresDatabase database) : IReplyWindowStore
{
    public async Task RecordAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO channel_reply_windows (channel_id, user_id, last_wrote_at) VALUES (@channel, @user, @at)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET last_wrote_at = GREATEST(channel_reply_windows.last_wrote_at, excluded.last_wrote_at)
            """, ("channel", channelId), ("user", userId), ("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> LastWroteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT last_wrote_at FROM channel_reply_windows WHERE channel_id = @channel AND user_id = @user", ("channel", channelId), ("user", userId));
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> WroteSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT user_id, last_wrote_at FROM channel_reply_windows WHERE channel_id = @channel AND last_wrote_at >= @since",
            ("channel", channelId), ("since", since.ToUniversalTime()));
        var users = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            users[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return users;
    }

    public async Task ForgetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM channel_reply_windows WHERE channel_id = @channel AND user_id = @user", ("channel", channelId), ("user", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM channel_reply_windows WHERE last_wrote_at < @cutoff", ("cutoff", cutoff.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
