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
/// </summary>
public sealed class ConversationLog
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore, MaxDepth = 64 };
    private const int PageSize = 200;

    private readonly SqliteFile file;
    private readonly ConversationSignals signals;

    public ConversationLog(DirectLineDataFolder folder, ConversationSignals signals)
    {
        file = new SqliteFile(Path.Combine(folder.Path, "conversations.db"), Storage.Migrations.SchemaMigrations.SqliteDirectLine);
        this.signals = signals;
    }

    public string DatabasePath => file.Path;

    /// <summary>Records a new conversation for <paramref name="userId"/>; false when it already exists.</summary>
    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO dl_conversations (id, user_id, created_at) VALUES ($id, $user, $now)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
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
            insert.Parameters.AddWithValue("$json", JsonConvert.SerializeObject(activity, Json));
            await insert.ExecuteNonQueryAsync(cancellationToken);
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
            activities.Add(JsonConvert.DeserializeObject<Activity>(reader.GetString(1), Json)!);
        }
        return new ActivitySlice(activities, last);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>Creates the folder, the file and the tables once (at start-up, by the channel's initializer).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => file.EnsureCreatedAsync(cancellationToken);

}
