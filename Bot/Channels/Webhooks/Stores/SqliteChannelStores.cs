using System.Globalization;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>
/// The channel tables (reply windows, the reminder ledger) in the bot's one SQLite file (<c>Storage:Sqlite:Path</c>).
/// Reads open a connection of their own; writes take the file's write gate, which every turn's state write also takes,
/// so they queue there instead of sleeping in SQLite's busy handler (1–100 ms naps) while a turn holds the file.
/// </summary>
/// <param name="writers">The app's writers (<see cref="SqliteWriters"/>); none: a gate of its own (a store built alone).</param>
public sealed class SqliteChannelsDatabase(string databasePath, SqliteWriters? writers = null)
{
    private readonly SqliteFile file = new(databasePath, Storage.Migrations.SchemaMigrations.Sqlite, writers: writers);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>Runs one statement in a write transaction of its own, behind the file's write gate: the rows it changed.</summary>
    public Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        file.WriteAsync(sql, cancellationToken, parameters);

    /// <summary>Fixed-width UTC text: text order is time order.</summary>
    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

public sealed class SqliteReplyWindowStore(SqliteChannelsDatabase database) : IReplyWindowStore
{
    public async Task RecordAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await database.WriteAsync("""
            INSERT INTO channel_reply_windows (channel_id, user_id, last_wrote_at) VALUES ($channel, $user, $at)
            ON CONFLICT (channel_id, user_id) DO UPDATE SET last_wrote_at = excluded.last_wrote_at
            WHERE excluded.last_wrote_at > channel_reply_windows.last_wrote_at
            """, cancellationToken, ("$channel", channelId), ("$user", userId), ("$at", SqliteChannelsDatabase.Timestamp(at)));
    }

    public async Task<DateTimeOffset?> LastWroteAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_wrote_at FROM channel_reply_windows WHERE channel_id = $channel AND user_id = $user";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is string text ? SqliteChannelsDatabase.ParseTimestamp(text) : null;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> WroteSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, last_wrote_at FROM channel_reply_windows WHERE channel_id = $channel AND last_wrote_at >= $since";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$since", SqliteChannelsDatabase.Timestamp(since));
        var users = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            users[reader.GetString(0)] = SqliteChannelsDatabase.ParseTimestamp(reader.GetString(1));
        return users;
    }

    public async Task ForgetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await database.WriteAsync("DELETE FROM channel_reply_windows WHERE channel_id = $channel AND user_id = $user",
            cancellationToken, ("$channel", channelId), ("$user", userId));
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        return await database.WriteAsync("DELETE FROM channel_reply_windows WHERE last_wrote_at < $cutoff",
            cancellationToken, ("$cutoff", SqliteChannelsDatabase.Timestamp(cutoff)));
    }
}
