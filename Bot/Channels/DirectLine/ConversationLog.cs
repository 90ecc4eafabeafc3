using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Every Direct Line conversation and its activities (the student's and the bot's, in order) in the configured
/// <see cref="IConversationStore"/>. Appending publishes the conversation's id on <see cref="ChangeTopics.DirectLine"/>,
/// which wakes the conversation's streams on every instance (<see cref="ConversationSignals"/>).
/// </summary>
public sealed class ConversationLog(IConversationStore store, IChangeNotifications notifications, ILogger<ConversationLog> logger)
{
    public IConversationStore Store => store;

    public Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        store.CreateAsync(conversationId, userId, cancellationToken);

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) => store.ExistsAsync(conversationId, cancellationToken);

    /// <summary>Appends the activity, giving it the id "conversation|sequence"; returns its watermark.</summary>
    public async Task<long> AppendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var sequence = await store.AppendAsync(activity, cancellationToken);
        // After the commit: a woken stream reads the row. A lost wake-up costs latency only (streams re-read on their own),
        // so a failed one never fails the turn that wrote the activity.
        try
        {
            await notifications.PublishAsync(ChangeTopics.DirectLine, activity.Conversation.Id, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning("Direct Line streams could not be woken: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
        return sequence;
    }

    public Task<ActivitySlice> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, watermark, cancellationToken);
}
