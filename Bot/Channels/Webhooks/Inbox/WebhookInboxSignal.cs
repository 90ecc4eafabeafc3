namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>Wakes this instance's <see cref="WebhookInboxWorker"/> (an event was stored, a turn finished); one per container.</summary>
public sealed class WebhookInboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { } // already awake
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
