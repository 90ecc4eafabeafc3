using Npgsql;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>
/// The channel tables in PostgreSQL (Storage:Provider = Postgres), shared by replicas. The tables are created by the
/// schema migrations (<see cref="Storage.Migrations.SchemaMigrations"/>), applied here on first use as well in case this store is used first.
/// </summary>
public sealed class PostgresChannelsDatabase(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly SemaphoreSlim migrateLock = new(1, 1);
    private bool migrated;

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await migrateLock.WaitAsync(cancellationToken);
            try
            {
                if (!migrated)
                {
                    await Storage.Migrations.SchemaMigrations.MigratePostgresAsync(connectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);
                    migrated = true;
                }
            }
            finally
            {
                migrateLock.Release();
            }
        }
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

public sealed class PostgresReplyWindowStore(PostgresChannelsDatabase database) : IReplyWindowStore
{
    public async Task RecordAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresChannelsDatabase.Command(connection, """
            INSERT INTO channel_reply_windows (channel_id, user_id, last_wrote_at) VALUES (@channel, @user, @at)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET last_wrote_at = GREATEST(channel_reply_windows.last_wrote_at, excluded.last_wrote_at)
            """, ("channel", channelId), ("user", userId), ("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> LastWroteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresChannelsDatabase.Command(connection,
            "SELECT last_wrote_at FROM channel_reply_windows WHERE channel_id = @channel AND user_id = @user", ("channel", channelId), ("user", userId));
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> WroteSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresChannelsDatabase.Command(connection,
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
        await using var command = PostgresChannelsDatabase.Command(connection,
            "DELETE FROM channel_reply_windows WHERE channel_id = @channel AND user_id = @user", ("channel", channelId), ("user", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresChannelsDatabase.Command(connection,
            "DELETE FROM channel_reply_windows WHERE last_wrote_at < @cutoff", ("cutoff", cutoff.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
