using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Wakes this instance's streams of a conversation when an activity is appended to it on ANY instance (the conversation
/// ids published on <see cref="ChangeTopics.DirectLine"/>). A stream takes <see cref="Next"/> BEFORE reading the log,
/// then awaits it: an append in between is never missed.
/// </summary>
public sealed class ConversationSignals : IDisposable
{
    private readonly Dictionary<string, TaskCompletionSource> pending = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly IDisposable subscription;

    public ConversationSignals(IChangeNotifications notifications) =>
        subscription = notifications.Subscribe(ChangeTopics.DirectLine, Notify);

    /// <summary>A task that completes at the next append to the conversation.</summary>
    public Task Next(string conversationId)
    {
        lock (sync)
        {
            if (!pending.TryGetValue(conversationId, out var signal))
                pending[conversationId] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return signal.Task;
        }
    }

    private void Notify(string conversationId)
    {
        TaskCompletionSource? signal;
        lock (sync)
        {
            if (pending.Remove(conversationId, out signal) is false)
                return;
        }
        signal!.TrySetResult();
    }

    public void Dispose() => subscription.Dispose();
}
