using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Uploaded images as encrypted <c>bytea</c> rows in the PostgreSQL database every replica shares: a photo uploaded
/// through one replica opens from a link served by any other.
/// </summary>
public sealed class PostgresUploadStore(PostgresDatabase database, TimeProvider clock) : IUploadStore
{
    public async Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        return 0; // written encrypted from the first row
    }

    public async Task SaveAsync(string conversationId, string file, byte[] encrypted, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "INSERT INTO dl_uploads (conversation_id, file, content, created_at) VALUES (@conversation, @file, @content, @now)",
            ("conversation", conversationId), ("file", file), ("content", encrypted), ("now", clock.GetUtcNow().ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string conversationId, string file, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT content FROM dl_uploads WHERE conversation_id = @conversation AND file = @file", ("conversation", conversationId), ("file", file));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <summary>The conversations' table is in the same database: one statement finds what no conversation owns any more.</summary>
    public async Task<int> DeleteAbandonedAsync(IReadOnlyCollection<string> deleted, IConversationStore conversations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            DELETE FROM dl_uploads u
            WHERE u.conversation_id = ANY(@deleted) OR NOT EXISTS (SELECT 1 FROM dl_conversations c WHERE c.id = u.conversation_id)
            """, ("deleted", deleted.ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
