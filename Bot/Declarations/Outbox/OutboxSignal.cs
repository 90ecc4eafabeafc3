namespace VssBot.Bot.Declarations.Outbox;

/// <summary>Wakes this instance's outbox worker as soon as a declaration is recorded on any instance (one per container, no static state).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // Already signalled: nothing to add. Releasing anyway threw and caught an exception for most declarations under
        // load, while the worker was still sending the previous ones (0.3% of the CPU, issue 12).
        if (signal.CurrentCount > 0)
            return;
        try { signal.Release(); }
        catch (SemaphoreFullException) { } // another Notify got there first
    }

    /// <summary>
    /// True when notified, false when <paramref name="timeout"/> passed first on <paramref name="clock"/> (the host's
    /// <see cref="TimeProvider"/>, so a test's fake clock drives the polling too).
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await signal.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
