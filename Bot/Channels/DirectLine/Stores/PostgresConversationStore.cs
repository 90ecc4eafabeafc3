using Microsoft.Bot.Schema;
using Npgsql;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Direct Line conversations in the PostgreSQL database every replica shares (Storage:Provider = Postgres): a student's
/// message posted to one replica and the bot's replies written by another land in one ordered log, which any replica's
/// stream or polling endpoint reads. The tables come from the schema migrations.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database, IPersonalDataProtector protector, TimeProvider clock) : IConversationStore
{
    /// <summary>First key of the transaction-scoped advisory lock that serializes appends to one conversation ("DL").</summary>
    private const int AppendLockClass = 0x444C;

    private readonly ActivityRows rows = new(protector);

    public string Location => database.Description;

    public async Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        return 0; // written encrypted from the first row
    }

    public async Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO dl_conversations (id, user_id, created_at, updated_at) VALUES (@id, @user, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, ("id", conversationId), ("user", rows.ProtectUser(conversationId, userId)), ("now", clock.GetUtcNow().ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT 1 FROM dl_conversations WHERE id = @id", ("id", conversationId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<long> AppendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation.Id;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The lock is held until commit: the next writer of this conversation (on any replica) reads a MAX that includes
        // this row, and readers never see sequence n+1 committed before n.
        await using var next = PostgresDatabase.Command(connection, """
            SELECT pg_advisory_xact_lock(@class, hashtext(@id));
            SELECT COALESCE(MAX(seq), 0) + 1 FROM dl_activities WHERE conversation_id = @id
            """, ("class", AppendLockClass), ("id", conversationId));
        next.Transaction = transaction;
        long sequence = 0;
        await using (var reader = await next.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                sequence = reader.GetInt64(0);
        }

        await using var insert = PostgresDatabase.Command(connection, """
            INSERT INTO dl_activities (conversation_id, seq, json) VALUES (@id, @seq, @json);
            UPDATE dl_conversations SET updated_at = GREATEST(updated_at, @now) WHERE id = @id
            """, ("id", conversationId), ("seq", sequence), ("json", rows.Protect(activity, sequence)), ("now", clock.GetUtcNow().ToUniversalTime()));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    public async Task<ActivitySlice> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT seq, json FROM dl_activities WHERE conversation_id = @id AND seq > @after ORDER BY seq LIMIT @limit",
            ("id", conversationId), ("after", watermark ?? 0L), ("limit", ActivityRows.PageSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await rows.ReadSliceAsync(reader, conversationId, watermark, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement: the conversations and their activities go together; activities left by a conversation deleted
        // while a reply was being appended go with the next sweep.
        await using var command = PostgresDatabase.Command(connection, """
            WITH gone AS (DELETE FROM dl_conversations WHERE updated_at < @cutoff RETURNING id),
                 activities AS (DELETE FROM dl_activities a
                                WHERE a.conversation_id IN (SELECT id FROM gone)
                                   OR NOT EXISTS (SELECT 1 FROM dl_conversations c WHERE c.id = a.conversation_id))
            SELECT id FROM gone
            """, ("cutoff", cutoff.ToUniversalTime()));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }
}
