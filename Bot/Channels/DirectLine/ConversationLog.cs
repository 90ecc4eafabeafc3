using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>A slice of a conversation's activities and the watermark to ask for the next ones.</summary>
public sealed record ActivitySlice(IReadOnlyList<Activity> Activities, long Watermark);

/// <summary>
/// Every Direct Line conversation and its activities (the student's and the bot's, in order), in one SQLite file,
/// so a reloaded page or a restarted process shows the same history. The watermark is the activity's sequence
/// number within its conversation. Appending wakes the conversation's streams through <see cref="ConversationSignals"/>.
/// Activity bodies and user ids hold personal data: they are encrypted with the bot state's key, each bound to its row.
/// </summary>
public sealed class ConversationLog
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore, MaxDepth = 64 };
    private const int PageSize = 200;

    private readonly SqliteFile file;
    private readonly ConversationSignals signals;
    private readonly IPersonalDataProtector protector;
    private readonly TimeProvider clock;

    public ConversationLog(DirectLineDataFolder folder, ConversationSignals signals, IPersonalDataProtector protector, TimeProvider clock)
    {
        this.clock = clock;
        file = new SqliteFile(Path.Combine(folder.Path, "conversations.db"), Storage.Migrations.SchemaMigrations.SqliteDirectLine);
        this.signals = signals;
        this.protector = protector;
    }

    public string DatabasePath => file.Path;

    /// <summary>Records a new conversation for <paramref name="userId"/>; false when it already exists.</summary>
    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO dl_conversations (id, user_id, created_at) VALUES ($id, $user, $now)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", protector.Protect(userId, UserContext(conversationId)));
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM dl_conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Appends the activity, giving it the id "conversation|sequence"; returns its watermark.</summary>
    public async Task<long> AppendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation.Id;
        long sequence;
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var next = connection.CreateCommand();
            next.Transaction = transaction;
            next.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM dl_activities WHERE conversation_id = $id";
            next.Parameters.AddWithValue("$id", conversationId);
            sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;

            activity.Id = $"{conversationId}|{sequence:D7}";
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO dl_activities (conversation_id, seq, json) VALUES ($id, $seq, $json)";
            insert.Parameters.AddWithValue("$id", conversationId);
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$json", protector.Protect(JsonConvert.SerializeObject(activity, Json), ActivityContext(conversationId, sequence)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await using var touch = connection.CreateCommand();
            touch.Transaction = transaction;
            touch.CommandText = "UPDATE dl_conversations SET updated_at = $now WHERE id = $id";
            touch.Parameters.AddWithValue("$id", conversationId);
            touch.Parameters.AddWithValue("$now", Now());
            await touch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        signals.Notify(conversationId);
        return sequence;
    }

    /// <summary>The activities after <paramref name="watermark"/> (all of them when null), oldest first, one page at most.</summary>
    public async Task<ActivitySlice> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM dl_activities WHERE conversation_id = $id AND seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", watermark ?? 0);
        command.Parameters.AddWithValue("$limit", PageSize);
        var activities = new List<Activity>();
        var last = watermark ?? 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            activities.Add(JsonConvert.DeserializeObject<Activity>(Plain(reader.GetString(1), ActivityContext(conversationId, last)), Json)!);
        }
        return new ActivitySlice(activities, last);
    }

    /// <summary>
    /// Deletes the conversations (and their activities) with no activity since <paramref name="cutoff"/>; returns their ids
    /// so their uploads go too.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<string>();
        await using (var idle = connection.CreateCommand())
        {
            idle.Transaction = transaction;
            // "O" timestamps in UTC have a fixed width: text order is time order.
            idle.CommandText = "DELETE FROM dl_conversations WHERE COALESCE(updated_at, created_at) < $cutoff RETURNING id";
            idle.Parameters.AddWithValue("$cutoff", Timestamp(cutoff));
            await using var reader = await idle.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetString(0));
        }
        await using (var activities = connection.CreateCommand())
        {
            activities.Transaction = transaction;
            activities.CommandText = "DELETE FROM dl_activities WHERE conversation_id NOT IN (SELECT id FROM dl_conversations)";
            await activities.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private string Now() => Timestamp(clock.GetUtcNow());

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>Creates the folder, the file and the tables once (at start-up, by the channel's initializer).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => file.EnsureCreatedAsync(cancellationToken);

    /// <summary>
    /// Encrypts the rows a version before encryption wrote in clear, then rebuilds the file (VACUUM, WAL truncated)
    /// so no freed page keeps the old text. Returns how many rows were rewritten.
    /// </summary>
    public async Task<int> EncryptClearRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rewritten = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            rewritten += await RewriteAsync(connection, transaction, "SELECT conversation_id, seq, json FROM dl_activities WHERE json NOT LIKE 'enc:v1:%'",
                "UPDATE dl_activities SET json = $value WHERE conversation_id = $id AND seq = $seq",
                reader => ActivityContext(reader.GetString(0), reader.GetInt64(1)), cancellationToken);
            rewritten += await RewriteAsync(connection, transaction, "SELECT id, 0, user_id FROM dl_conversations WHERE user_id NOT LIKE 'enc:v1:%'",
                "UPDATE dl_conversations SET user_id = $value WHERE id = $id",
                reader => UserContext(reader.GetString(0)), cancellationToken);
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

    private async Task<int> RewriteAsync(SqliteConnection connection, SqliteTransaction transaction, string select, string update,
        Func<SqliteDataReader, string> context, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, long Seq, string Value)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = select;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetString(0), reader.GetInt64(1), protector.Protect(reader.GetString(2), context(reader))));
        }
        foreach (var (id, seq, value) in rows)
        {
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = update;
            write.Parameters.AddWithValue("$id", id);
            write.Parameters.AddWithValue("$seq", seq);
            write.Parameters.AddWithValue("$value", value);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        return rows.Count;
    }

    /// <summary>A row's plain JSON (rows written before encryption are read as they are until the start-up rewrite).</summary>
    private string Plain(string column, string context) => protector.IsProtected(column) ? protector.Unprotect(column, context) : column;

    private static string ActivityContext(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"dl_activities|{conversationId}|{sequence}");

    private static string UserContext(string conversationId) => $"dl_conversations|{conversationId}";

}
