using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Directory;

/// <summary><see cref="ITranscriptStore"/> in the bot's SQLite file.</summary>
public sealed class SqliteTranscriptStore(AgentsDatabase database, IPersonalDataProtector protector) : ITranscriptStore
{
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, int keep, CancellationToken cancellationToken)
    {
        if (entries.All(e => e.Lines.Count == 0))
            return;
        // Encrypted before the file's write gate is taken: the turns' state writes wait behind this batch.
        var rows = entries.SelectMany(e => e.Lines.Select(l => (e.StudentKey, At: AgentsDatabase.Timestamp(e.At), Sender: l.Sender.ToString(),
            Text: TranscriptText.ProtectToAscii(protector, e.StudentKey, l.Text)))).ToList();
        await using var write = await database.BeginWriteAsync(cancellationToken);
        // One insert and one trim, prepared once for the file's write connection and run through SQLite's own API
        // (SqliteStatement), their parameters set per line and per student: every turn passes here (issue 12).
        var insert = write.Statement("INSERT INTO transcript (student_key, at, sender, text) VALUES ($key, $at, $sender, $text)");
        foreach (var (studentKey, at, sender, text) in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insert.Bind("$key", studentKey).Bind("$at", at).Bind("$sender", sender).BindUtf8("$text", text).ExecuteNonQuery();
        }
        // The student's lines older than the newest `keep`: the index (student_key, id) walked back `keep` entries, instead
        // of a temporary table of the newest `keep` ids checked against every line of the student on every turn.
        var trim = write.Statement("""
            DELETE FROM transcript WHERE student_key = $key AND id <=
                (SELECT id FROM transcript WHERE student_key = $key ORDER BY id DESC LIMIT 1 OFFSET $keep)
            """);
        foreach (var studentKey in entries.Where(e => e.Lines.Count > 0).Select(e => e.StudentKey).Distinct())
            trim.Bind("$key", studentKey).Bind("$keep", keep).ExecuteNonQuery();
        await write.CommitAsync(cancellationToken);
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync("DELETE FROM transcript WHERE at < $cutoff", cancellationToken, ("$cutoff", AgentsDatabase.Timestamp(cutoff)));

    public async Task<IReadOnlyList<TranscriptLine>> NewestAsync(string studentKey, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, at, sender, text FROM transcript WHERE student_key = $key ORDER BY id DESC LIMIT $count",
            ("$key", studentKey), ("$count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<TranscriptLine>();
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new TranscriptLine(reader.GetInt64(0), AgentsDatabase.ParseTimestamp(reader.GetString(1))!.Value,
                Enum.Parse<Sender>(reader.GetString(2)), TranscriptText.Unprotect(protector, studentKey, reader.GetString(3))));
        return lines;
    }
}
