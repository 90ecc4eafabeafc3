using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Agents.Directory;

/// <summary><see cref="IStudentDirectoryStore"/> in the bot's SQLite file: a turn's read and write in one BEGIN IMMEDIATE transaction.</summary>
public sealed class SqliteStudentDirectoryStore(AgentsDatabase database, IPersonalDataProtector protector) : IStudentDirectoryStore
{
    private const string Columns = "student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since, held_by, held_since, roster_id";

    public async Task<IReadOnlyList<string?>> RecordTurnsAsync(IReadOnlyList<StudentTurn> turns, CancellationToken cancellationToken)
    {
        var before = new string?[turns.Count];
        if (turns.Count == 0)
            return before;
        // Encrypted before the file's write gate is taken: the turns' state writes wait behind this batch.
        var references = turns.Select(t => DirectoryReference.ProtectToAscii(protector, t.StudentKey, t.Reference)).ToList();
        await using var write = await database.BeginWriteAsync(cancellationToken); // BEGIN IMMEDIATE: read and write together
        // One read and one upsert per turn, prepared once for the file's write connection and run through SQLite's own
        // API (SqliteStatement): every turn of every student passes here (issue 12).
        var read = write.Statement("SELECT resolved_at, escalation FROM student_directory WHERE student_key = $key");
        var upsert = write.Statement("""
            INSERT INTO student_directory (student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since, next_field, roster_id)
            VALUES ($key, $channel, $reference, $now, $state, $escalation, $question, $since, $next,
                (SELECT student_id FROM roster WHERE student_id = $studentId COLLATE NOCASE LIMIT 1))
            ON CONFLICT (student_key) DO UPDATE SET reference = excluded.reference, last_activity = excluded.last_activity,
                journey_state = excluded.journey_state, escalation = excluded.escalation, question_key = excluded.question_key,
                waiting_since = excluded.waiting_since, next_field = excluded.next_field,
                roster_id = COALESCE(student_directory.roster_id, excluded.roster_id)
            """);
        for (var i = 0; i < turns.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            before[i] = Record(read, upsert, turns[i], references[i]);
        }
        await write.CommitAsync(cancellationToken);
        return before;
    }

    private static string? Record(SqliteStatement read, SqliteStatement upsert, StudentTurn turn, byte[] protectedReference)
    {
        var studentKey = turn.StudentKey;
        var current = read.Bind("$key", studentKey).FirstRow();
        var row = turn.Turn(current?[0] is { } resolvedAt ? AgentsDatabase.ParseTimestamp(resolvedAt) : null);
        upsert.Bind("$key", studentKey).Bind("$channel", turn.Reference.ChannelId)
            .BindUtf8("$reference", protectedReference)
            .Bind("$now", AgentsDatabase.Timestamp(row.Now)).Bind("$state", row.JourneyState)
            .Bind("$escalation", row.Escalation).Bind("$question", row.QuestionKey)
            .Bind("$since", row.WaitingSince is { } since ? AgentsDatabase.Timestamp(since) : null)
            .Bind("$next", row.NextField).Bind("$studentId", row.StudentId)
            .ExecuteNonQuery();
        return current?[1];
    }

    public Task<IReadOnlyList<DirectoryEntry>> QueueAsync(bool oldestFirst, CancellationToken cancellationToken) =>
        QueryAsync($"""
            WHERE escalation IS NOT NULL OR held_by IS NOT NULL
            ORDER BY COALESCE(waiting_since, held_since) {(oldestFirst ? "ASC" : "DESC")}
            """, [], cancellationToken);

    public async Task<DirectoryEntry?> FindAsync(string studentKey, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE student_key = $key", [("$key", studentKey)], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DirectoryEntry>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY last_activity DESC", [], cancellationToken);

    public async Task<bool> TryClaimAsync(string studentKey, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await database.WriteAsync("""
            UPDATE student_directory SET held_by = $agent, held_since = $now
            WHERE student_key = $key AND held_by IS NULL
            """, cancellationToken, ("$agent", agent), ("$now", AgentsDatabase.Timestamp(now)), ("$key", studentKey)) == 1;
    }

    public async Task<int> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // "O" timestamps in UTC have a fixed width: text order is time order.
        return await database.WriteAsync("DELETE FROM student_directory WHERE last_activity < $cutoff AND held_by IS NULL", cancellationToken,
            ("$cutoff", AgentsDatabase.Timestamp(cutoff)));
    }

    public async Task<bool> ReleaseAsync(string studentKey, string agent, DateTimeOffset now, bool resolved, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(resolved
            ? """
              UPDATE student_directory SET held_by = NULL, held_since = NULL, resolved_at = $now,
                  escalation = NULL, question_key = NULL, waiting_since = NULL
              WHERE student_key = $key AND held_by = $agent
              """
            : "UPDATE student_directory SET held_by = NULL, held_since = NULL WHERE student_key = $key AND held_by = $agent",
            cancellationToken, ("$agent", agent), ("$now", AgentsDatabase.Timestamp(now)), ("$key", studentKey)) == 1;
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
        return await database.WriteAsync("UPDATE student_directory SET roster_id = $id WHERE student_key = $key", cancellationToken,
            ("$id", rosterId), ("$key", studentKey)) == 1;
    }

    private async Task<IReadOnlyList<DirectoryEntry>> QueryAsync(string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM student_directory {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DirectoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(Read(reader));
        return entries;
    }

    private DirectoryEntry Read(SqliteDataReader reader)
    {
        var key = reader.GetString(0);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new DirectoryEntry(
            key,
            reader.GetString(1),
            DirectoryReference.Unprotect(protector, key, reader.GetString(2)),
            AgentsDatabase.ParseTimestamp(reader.GetString(3))!.Value,
            Enum.Parse<JourneyState>(reader.GetString(4)),
            Text(5) is { } waiting ? Enum.Parse<WaitingReason>(waiting) : null,
            Text(6),
            AgentsDatabase.ParseTimestamp(Text(7)),
            Text(8),
            AgentsDatabase.ParseTimestamp(Text(9)),
            Text(10));
    }
}
