using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Direct Line conversations in the channel's own SQLite file (<c>conversations.db</c> in the data folder): one instance
/// only, so a reloaded page or a restarted process shows the same history.
/// </summary>
/// <param name="writers">The app's writers (<see cref="SqliteWriters"/>): writers of this file take turns there, and it is checkpointed in the background too (<see cref="SqliteCheckpoints"/>).</param>
public sealed class SqliteConversationStore(string path, IPersonalDataProtector protector, TimeProvider clock, SqliteWriters? writers = null) : IConversationStore
{
    private readonly SqliteFile file = new(path, Storage.Migrations.SchemaMigrations.SqliteDirectLine, writers: writers);
    private readonly ActivityRows rows = new(protector);

    public string Location => file.Path;

    public async Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        await file.EnsureCreatedAsync(cancellationToken);
        return await EncryptClearRowsAsync(cancellationToken);
    }

    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        await file.WriteAsync("INSERT OR IGNORE INTO dl_conversations (id, user_id, created_at) VALUES ($id, $user, $now)", cancellationToken,
            ("$id", conversationId), ("$user", rows.ProtectUser(conversationId, userId)), ("$now", Now())) == 1;

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM dl_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<long> AppendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation.Id;
        // BEGIN IMMEDIATE behind the file's write gate: two appends never read the same MAX, and they queue at the gate
        // rather than in SQLite's busy handler.
        await using var write = await file.BeginWriteAsync(cancellationToken);
        await using var next = write.Sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM dl_activities WHERE conversation_id = $id", ("$id", conversationId));
        var sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        await write.ExecuteAsync("INSERT INTO dl_activities (conversation_id, seq, json) VALUES ($id, $seq, $json)", cancellationToken,
            ("$id", conversationId), ("$seq", sequence), ("$json", rows.Protect(activity, sequence)));
        await write.ExecuteAsync("UPDATE dl_conversations SET updated_at = $now WHERE id = $id", cancellationToken, ("$id", conversationId), ("$now", Now()));
        await write.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<ActivitySlice> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM dl_activities WHERE conversation_id = $id AND seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", watermark ?? 0);
        command.Parameters.AddWithValue("$limit", ActivityRows.PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await rows.ReadSliceAsync(reader, conversationId, watermark, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var write = await file.BeginWriteAsync(cancellationToken);
        var ids = new List<string>();
        // "O" timestamps in UTC have a fixed width: text order is time order.
        await using (var idle = write.Sql("DELETE FROM dl_conversations WHERE COALESCE(updated_at, created_at) < $cutoff RETURNING id", ("$cutoff", Timestamp(cutoff))))
        await using (var reader = await idle.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetString(0));
        await write.ExecuteAsync("DELETE FROM dl_activities WHERE conversation_id NOT IN (SELECT id FROM dl_conversations)", cancellationToken);
        await write.CommitAsync(cancellationToken);
        return ids;
    }

    private string Now() => Timestamp(clock.GetUtcNow());

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Encrypts the rows a version before encryption wrote in clear, then rebuilds the file (VACUUM, WAL truncated)
    /// so no freed page keeps the old text. Returns how many rows were rewritten.
    /// </summary>
    private async Task<int> EncryptClearRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken);
        var rewritten = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            rewritten += await RewriteAsync(connection, transaction, "SELECT conversation_id, seq, json FROM dl_activities WHERE json NOT LIKE 'enc:v1:%'",
                "UPDATE dl_activities SET json = $value WHERE conversation_id = $id AND seq = $seq",
                (id, seq, json) => rows.ProtectJson(id, seq, json), cancellationToken);
            rewritten += await RewriteAsync(connection, transaction, "SELECT id, 0, user_id FROM dl_conversations WHERE user_id NOT LIKE 'enc:v1:%'",
                "UPDATE dl_conversations SET user_id = $value WHERE id = $id",
                (id, _, user) => rows.ProtectUser(id, user), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (rewritten > 0)
        {
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        return rewritten;
    }

    private static async Task<int> RewriteAsync(SqliteConnection connection, SqliteTransaction transaction, string select, string update,
        Func<string, long, string, string> protect, CancellationToken cancellationToken)
    {
        var clear = new List<(string Id, long Seq, string Value)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = select;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                clear.Add((reader.GetString(0), reader.GetInt64(1), protect(reader.GetString(0), reader.GetInt64(1), reader.GetString(2))));
        }
        foreach (var (id, seq, value) in clear)
        {
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = update;
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$seq", seq);
            write.Parameters.AddWithValue("$value", value);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        return clear.Count;
    }
}
