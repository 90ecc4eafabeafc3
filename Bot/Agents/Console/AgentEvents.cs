using System.Threading.Channels;
using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Agents.Console;

/// <summary>What changed, for the open consoles: "queue" (someone needs a person, was taken or handed back) or "message".</summary>
/// <param name="StudentKey">The conversation concerned; the event itself carries no personal data.</param>
public sealed record AgentEvent(string Kind, string StudentKey);

/// <summary>
/// Fans events out to the consoles connected to this instance (server-sent events), whichever instance they happened on:
/// an event is published through <see cref="IChangeNotifications"/> (PostgreSQL NOTIFY to every replica; in-process with
/// SQLite) as "kind|studentKey" — ids only, the console reads the rest from the store. Each subscriber has a small bounded
/// buffer; a slow console loses the oldest events and simply reloads on the next one.
/// </summary>
public sealed class AgentEvents : IDisposable
{
    private readonly Lock sync = new();
    private readonly List<Channel<AgentEvent>> subscribers = [];
    private readonly IChangeNotifications notifications;
    private readonly ILogger<AgentEvents> logger;
    private readonly IDisposable subscription;

    public AgentEvents(IChangeNotifications notifications, ILogger<AgentEvents> logger)
    {
        this.notifications = notifications;
        this.logger = logger;
        subscription = notifications.Subscribe(ChangeTopics.AgentEvents, payload =>
        {
            if (payload.Split('|', 2) is [var kind, var studentKey])
                Dispatch(new AgentEvent(kind, studentKey));
        });
    }

    /// <summary>Tells the consoles of every instance; a failure to notify costs a live update only (consoles also reload), never the caller's work.</summary>
    public async Task PublishAsync(AgentEvent change, CancellationToken cancellationToken = default)
    {
        try
        {
            await notifications.PublishAsync(ChangeTopics.AgentEvents, $"{change.Kind}|{change.StudentKey}", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("An agent console event could not be published: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
    }

    public async IAsyncEnumerable<AgentEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (sync) subscribers.Add(channel);
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
                yield return change;
        }
        finally
        {
            lock (sync) subscribers.Remove(channel);
        }
    }

    private void Dispatch(AgentEvent change)
    {
        lock (sync)
            foreach (var subscriber in subscribers)
                subscriber.Writer.TryWrite(change);
    }

    public void Dispose() => subscription.Dispose();
}
