using System.Threading.Channels;

namespace VssBot.Bot.Agents.Console;

/// <summary>What changed, for the open consoles: "queue" (someone needs a person, was taken or handed back) or "message".</summary>
/// <param name="StudentKey">The conversation concerned; the event itself carries no personal data.</param>
public sealed record AgentEvent(string Kind, string StudentKey);

/// <summary>
/// Fans events out to the consoles connected to this instance (server-sent events). Each subscriber has a small
/// bounded buffer; a slow console loses the oldest events and simply reloads on the next one.
/// </summary>
public sealed class AgentEvents
{
    private readonly Lock sync = new();
    private readonly List<Channel<AgentEvent>> subscribers = [];

    public void Publish(AgentEvent change)
    {
        lock (sync)
            foreach (var subscriber in subscribers)
                subscriber.Writer.TryWrite(change);
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
}
