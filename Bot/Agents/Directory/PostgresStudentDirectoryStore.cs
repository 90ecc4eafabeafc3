using Microsoft.Bot.Schema;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// <see cref="IStudentDirectoryStore"/> in PostgreSQL, shared by replicas: a turn locks its row (<c>FOR UPDATE</c>) while it
/// reads and writes it; the claim is one conditional UPDATE, so two agents on two replicas never both hold a conversation.
/// </summary>
public sealed class PostgresStudentDirectoryStore(PostgresDatabase database, IPersonalDataProtector protector) : IStudentDirectoryStore
{
    private const string Columns = "student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since, held_by, held_since, roster_id";

    public async Task<IReadOnlyList<string?>> RecordTurnsAsync(IReadOnlyList<StudentTurn> turns, CancellationToken cancellationToken)
    {
        var before = new string?[turns.Count];
        if (turns.Count == 0)
            return before;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows are locked in key order (a stable sort keeps each student's turns in order), so two replicas writing
        // batches that share students wait for each other instead of deadlocking.
        foreach (var i in Enumerable.Range(0, turns.Count).OrderBy(i => turns[i].StudentKey, StringComparer.Ordinal))
            before[i] = await RecordAsync(connection, transaction, turns[i], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return before;
    }

    private async Task<string?> RecordAsync(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, StudentTurn turn, CancellationToken cancellationToken)
    {
        var (studentKey, reference) = (turn.StudentKey, turn.Reference);
        DateTimeOffset? resolvedAt = null;
        string? before = null;
        await using (var read = connection.Command("SELECT resolved_at, escalation FROM student_directory WHERE student_key = @key FOR UPDATE", ("key", studentKey)))
        {
            read.Transaction = transaction;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                resolvedAt = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
                before = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var row = turn.Turn(resolvedAt);
        await using (var write = connection.Command("""
            INSERT INTO student_directory (student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since, next_field, roster_id)
            VALUES (@key, @channel, @reference, @now, @state, @escalation, @question, @since, @next,
                (SELECT student_id FROM roster WHERE lower(student_id) = lower(@studentId::text) LIMIT 1))
            ON CONFLICT (student_key) DO UPDATE SET reference = excluded.reference, last_activity = excluded.last_activity,
                journey_state = excluded.journey_state, escalation = excluded.escalation, question_key = excluded.question_key,
                waiting_since = excluded.waiting_since, next_field = excluded.next_field,
                roster_id = COALESCE(student_directory.roster_id, excluded.roster_id)
            """,
            ("key", studentKey), ("channel", reference.ChannelId), ("reference", DirectoryReference.Protect(protector, studentKey, reference)),
            ("now", row.Now), ("state", row.JourneyState), ("escalation", row.Escalation), ("question", row.QuestionKey),
            ("since", row.WaitingSince), ("next", row.NextField), ("studentId", row.StudentId)))
        {
            write.Transaction = transaction;
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        return before;
    }

    public Task<IReadOnlyList<DirectoryEntry>> QueueAsync(bool oldestFirst, CancellationToken cancellationToken) =>
        QueryAsync($"""
            WHERE escalation IS NOT NULL OR held_by IS NOT NULL
            ORDER BY COALESCE(waiting_since, held_since) {(oldestFirst ? "ASC" : "DESC")}
            """, [], cancellationToken);

    public async Task<DirectoryEntry?> FindAsync(string studentKey, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE student_key = @key", [("key", studentKey)], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DirectoryEntry>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY last_activity DESC", [], cancellationToken);

    public async Task<bool> TryClaimAsync(string studentKey, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE student_directory SET held_by = @agent, held_since = @now WHERE student_key = @key AND held_by IS NULL",
            cancellationToken, ("agent", agent), ("now", now), ("key", studentKey)) == 1;
    }

    public async Task<int> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM student_directory WHERE last_activity < @cutoff AND held_by IS NULL", cancellationToken, ("cutoff", cutoff));
    }

    public async Task<bool> ReleaseAsync(string studentKey, string agent, DateTimeOffset now, bool resolved, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(resolved
            ? """
              UPDATE student_directory SET held_by = NULL, held_since = NULL, resolved_at = @now,
                  escalation = NULL, question_key = NULL, waiting_since = NULL
              WHERE student_key = @key AND held_by = @agent
              """
            : "UPDATE student_directory SET held_by = NULL, held_since = NULL WHERE student_key = @key AND held_by = @agent",
            cancellationToken, ("agent", agent), ("now", now), ("key", studentKey)) == 1;
    }

    public async Task<IReadOnlyList<string>> NextFieldsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT next_field FROM student_directory WHERE next_field IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fields = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            fields.Add(reader.GetString(0));
        return fields;
    }

    public async Task<bool> LinkAsync(string studentKey, string? rosterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE student_directory SET roster_id = @id WHERE student_key = @key",
            cancellationToken, ("id", rosterId), ("key", studentKey)) == 1;
    }

    private async Task<IReadOnlyList<DirectoryEntry>> QueryAsync(string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM student_directory {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DirectoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            string? TextAt(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? TimeAt(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            entries.Add(new DirectoryEntry(
                key,
                reader.GetString(1),
                DirectoryReference.Unprotect(protector, key, reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                Enum.Parse<JourneyState>(reader.GetString(4)),
                TextAt(5) is { } waiting ? Enum.Parse<WaitingReason>(waiting) : null,
                TextAt(6),
                TimeAt(7),
                TextAt(8),
                TimeAt(9),
                TextAt(10)));
        }
        return entries;
    }
}
