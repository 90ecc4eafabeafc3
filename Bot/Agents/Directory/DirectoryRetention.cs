using VssBot.Bot.Privacy;

namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// Retention of the console's copies: directory entries of students idle since the cutoff (unless an agent holds the
/// conversation) and transcript lines written before it. Roster and audit log are the school's records, not chat data.
/// </summary>
public sealed class DirectoryRetention(IStudentDirectoryStore directory, ITranscriptStore transcript, PendingRecords pending) : IRetentionTarget
{
    public string Name => "directory";

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await directory.DeleteIdleBeforeAsync(cutoff, cancellationToken) + await transcript.DeleteBeforeAsync(cutoff, cancellationToken);
    }
}
