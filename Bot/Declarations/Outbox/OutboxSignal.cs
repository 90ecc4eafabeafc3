namespace VssBot.Bot.Declarations.Outbox;

/// <summary>Wakes this instance's outbox worker as soon as a declaration is recorded on any instance (one per container, no static state).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
