using VssBot.Bot.Privacy;

namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// Retention of the console's copies: directory entries of students idle since the cutoff (unless an agent holds the
/// conversation) and transcript lines written before it. Roster and audit log are the school's records, not chat data.
/// </summary>
public sealed class DirectoryRetention(AgentsDatabase database, PendingRecords pending) : IRetentionTarget
{
    public string Name => "directory";

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var deleted = 0;
        foreach (var sql in new[]
                 {
                     "DELETE FROM student_directory WHERE last_activity < $cutoff AND held_by IS NULL",
                     "DELETE FROM transcript WHERE at < $cutoff",
                 })
        {
            // "O" timestamps in UTC have a fixed width: text order is time order.
            await using var command = connection.Sql(sql).With("$cutoff", AgentsDatabase.Timestamp(cutoff));
            command.Transaction = transaction;
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
