using VssBot.Bot.Privacy;

namespace VssBot.Bot.Agents.Directory;

/// <summary>Who wrote a transcript line.</summary>
public enum Sender { Student, Bot, Agent }

public sealed record TranscriptLine(long Id, DateTimeOffset At, Sender Sender, string Text);

/// <summary>
/// The recent messages of each conversation, for the console: the last <see cref="AgentsOptions.TranscriptLength"/> per
/// student, each text encrypted at rest with <see cref="IPersonalDataProtector"/> (bound to the student key). Reads first
/// wait for the turns recorded before them (<see cref="PendingRecords"/>).
/// </summary>
public sealed class StudentTranscript(AgentsDatabase database, IPersonalDataProtector protector, Microsoft.Extensions.Options.IOptions<AgentsOptions> options,
    PendingRecords pending)
{
    public async Task AppendAsync(string studentKey, IEnumerable<(Sender Sender, string Text)> lines, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var (sender, text) in list)
        {
            await using var insert = connection.Sql("INSERT INTO transcript (student_key, at, sender, text) VALUES ($key, $at, $sender, $text)")
                .With("$key", studentKey).With("$at", AgentsDatabase.Timestamp(at)).With("$sender", sender.ToString())
                .With("$text", protector.Protect(text, Context(studentKey)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var trim = connection.Sql("""
            DELETE FROM transcript WHERE student_key = $key AND id NOT IN
                (SELECT id FROM transcript WHERE student_key = $key ORDER BY id DESC LIMIT $keep)
            """).With("$key", studentKey).With("$keep", Math.Max(1, options.Value.TranscriptLength)))
        {
            trim.Transaction = transaction;
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The last <paramref name="count"/> lines, oldest first.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> RecentAsync(string studentKey, int count, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT id, at, sender, text FROM transcript WHERE student_key = $key ORDER BY id DESC LIMIT $count")
            .With("$key", studentKey).With("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<TranscriptLine>();
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new TranscriptLine(reader.GetInt64(0), AgentsDatabase.ParseTimestamp(reader.GetString(1))!.Value,
                Enum.Parse<Sender>(reader.GetString(2)), protector.Unprotect(reader.GetString(3), Context(studentKey))));
        lines.Reverse();
        return lines;
    }

    private static string Context(string studentKey) => "transcript/" + studentKey;
}
