using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>Retention of reply windows: a platform user id with the time they last wrote, long past any window at the cutoff.</summary>
public sealed class ReplyWindowRetention(IReplyWindowStore windows) : IRetentionTarget
{
    public string Name => "reply-windows";

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        windows.DeleteOlderThanAsync(cutoff, cancellationToken);
}
