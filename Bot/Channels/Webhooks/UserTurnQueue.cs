namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// Runs webhook turns in the background, one user at a time and in the order they were received, so a
/// webhook is acknowledged at once (platforms retry or disable slow webhooks) while "1" typed right after
/// "xin chào" is still answered after it. Different users run in parallel. Work left when the host stops
/// is awaited (bounded by the host's shutdown timeout), then cancelled.
/// </summary>
public sealed class UserTurnQueue(ILogger<UserTurnQueue> logger) : IHostedService
{
    /// <summary>Pending turns kept per user; beyond that a flood from one user is dropped (and logged).</summary>
    public const int MaxPendingPerUser = 100;

    private readonly Dictionary<string, Queue<Func<CancellationToken, Task>>> queues = new(StringComparer.Ordinal);
    private readonly HashSet<Task> drains = [];
    private readonly CancellationTokenSource stopping = new(); // not disposed: turns may still read its token while the host goes down
    private readonly Lock sync = new();

    /// <summary>Queues <paramref name="turn"/> after the earlier turns of <paramref name="userKey"/> ("channel/user").</summary>
    public bool Enqueue(string userKey, Func<CancellationToken, Task> turn)
    {
        lock (sync)
        {
            if (queues.TryGetValue(userKey, out var queue))
            {
                if (queue.Count >= MaxPendingPerUser)
                {
                    logger.LogWarning("A user has {Count} turns pending: a further webhook event is dropped", queue.Count);
                    return false;
                }
                queue.Enqueue(turn);
                return true;
            }
            queues[userKey] = new Queue<Func<CancellationToken, Task>>([turn]);
            var drain = Task.Run(() => DrainAsync(userKey));
            drains.Add(drain);
            drain.ContinueWith(d => { lock (sync) drains.Remove(d); }, TaskScheduler.Default);
            return true;
        }
    }

    /// <summary>Completes when every queued turn has run (tests, shutdown).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task[] running;
            lock (sync)
                running = [.. drains];
            if (running.Length == 0)
                return;
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
    }

    private async Task DrainAsync(string userKey)
    {
        while (true)
        {
            Func<CancellationToken, Task> turn;
            lock (sync)
            {
                var queue = queues[userKey];
                if (!queue.TryPeek(out turn!))
                {
                    queues.Remove(userKey);
                    return;
                }
            }
            try
            {
                await turn(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // The adapters handle turn errors; this is the last line (never the message text).
                logger.LogError("A webhook turn failed outside the turn pipeline: {Error}", Turns.ExceptionSummary.Describe(e));
            }
            lock (sync)
                queues[userKey].Dequeue();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutdown: webhook turns still pending are cancelled");
        }
        finally
        {
            await stopping.CancelAsync();
        }
    }
}
