using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>Retention of the Direct Line store: idle conversations with their activities, and their uploaded images.</summary>
public sealed class DirectLineRetention(IConversationStore conversations, IUploadStore uploads) : IRetentionTarget
{
    public string Name => "directline";

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await conversations.DeleteIdleBeforeAsync(cutoff, cancellationToken);
        return deleted.Count + await uploads.DeleteAbandonedAsync(deleted, conversations, cancellationToken);
    }
}
