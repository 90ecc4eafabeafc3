using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>Retention of the Direct Line store: idle conversations with their activities, and their uploaded images.</summary>
public sealed class DirectLineRetention(ConversationLog log, AttachmentStore attachments) : IRetentionTarget
{
    public string Name => "directline";

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await log.DeleteIdleBeforeAsync(cutoff, cancellationToken);
        var files = 0;
        // The uploads of deleted conversations, and of any conversation the log no longer knows (a sweep cut short).
        if (Directory.Exists(attachments.UploadsPath))
            foreach (var folder in Directory.EnumerateDirectories(attachments.UploadsPath))
                if (deleted.Contains(Path.GetFileName(folder)) || !await log.ExistsAsync(Path.GetFileName(folder), cancellationToken))
                {
                    files += Directory.EnumerateFiles(folder).Count();
                    Directory.Delete(folder, recursive: true);
                }
        return deleted.Count + files;
    }
}
