using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Directory;

/// <summary><see cref="ITranscriptStore"/> in PostgreSQL, shared by replicas: the lines of the turns written together and their trim in one transaction.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database, IPersonalDataProtector protector) : ITranscriptStore
{
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, int keep, CancellationToken cancellationToken)
    {
        if (entries.All(e => e.Lines.Count == 0))
            return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (studentKey, lines, at) in entries.Where(e => e.Lines.Count > 0))
        {
            await using var insert = connection.Command("""
                INSERT INTO transcript (student_key, at, sender, text)
                SELECT @key, @at, sender, text FROM unnest(@senders, @texts) WITH ORDINALITY AS line(sender, text, n) ORDER BY n
                """, ("key", studentKey), ("at", at), ("senders", lines.Select(l => l.Sender.ToString()).ToArray()),
                ("texts", lines.Select(l => TranscriptText.Protect(protector, studentKey, l.Text)).ToArray()));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        // Trimmed in key order, so two replicas trimming the same students wait for each other instead of deadlocking.
        foreach (var studentKey in entries.Where(e => e.Lines.Count > 0).Select(e => e.StudentKey).Distinct().Order(StringComparer.Ordinal))
        {
            await using var trim = connection.Command("""
                DELETE FROM transcript WHERE student_key = @key AND id NOT IN
                    (SELECT id FROM transcript WHERE student_key = @key ORDER BY id DESC LIMIT @keep)
                """, ("key", studentKey), ("keep", keep));
            trim.Transaction = transaction;
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM transcript WHERE at < @cutoff", cancellationToken, ("cutoff", cutoff));
    }

    public async Task<IReadOnlyList<TranscriptLine>> NewestAsync(string studentKey, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, at, sender, text FROM transcript WHERE student_key = @key ORDER BY id DESC LIMIT @count",
            ("key", studentKey), ("count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<TranscriptLine>();
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new TranscriptLine(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1),
                Enum.Parse<Sender>(reader.GetString(2)), TranscriptText.Unprotect(protector, studentKey, reader.GetString(3))));
        return lines;
    }
}
