namespace VssBot.Bot.Agents.Directory;

/// <summary>Who wrote a transcript line.</summary>
public enum Sender { Student, Bot, Agent }

public sealed record TranscriptLine(long Id, DateTimeOffset At, Sender Sender, string Text);

/// <summary>
/// The recent messages of each conversation, for the console: the last <see cref="AgentsOptions.TranscriptLength"/> per
/// student, kept in <see cref="ITranscriptStore"/> (each text encrypted at rest). Reads first wait for the turns recorded
/// before them (<see cref="PendingRecords"/>).
/// </summary>
public sealed class StudentTranscript(ITranscriptStore store, Microsoft.Extensions.Options.IOptions<AgentsOptions> options, PendingRecords pending)
{
    public Task AppendAsync(string studentKey, IEnumerable<(Sender Sender, string Text)> lines, DateTimeOffset at, CancellationToken cancellationToken) =>
        AppendAsync([new TranscriptEntry(studentKey, lines.ToList(), at)], cancellationToken);

    /// <summary>The lines of several turns, in one write.</summary>
    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) =>
        entries.Any(e => e.Lines.Count > 0)
            ? store.AppendAsync(entries, Math.Max(1, options.Value.TranscriptLength), cancellationToken)
            : Task.CompletedTask;

    /// <summary>The last <paramref name="count"/> lines, oldest first.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> RecentAsync(string studentKey, int count, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return [.. (await store.NewestAsync(studentKey, count, cancellationToken)).Reverse()];
    }
}
