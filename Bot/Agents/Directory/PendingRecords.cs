namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// How far the directory and transcript lag behind the turns (<see cref="ConversationRecorder"/> writes them after the
/// turn has answered). Whoever reads them first waits for what was recorded before the read, so a console, a dashboard
/// or a test never sees a turn's answer without its transcript lines.
/// </summary>
public sealed class PendingRecords
{
    private readonly Lock sync = new();
    private readonly List<(long Target, TaskCompletionSource Done)> waiters = [];
    private long added, written;

    public void Added()
    {
        lock (sync) added++;
    }

    public void Written(int count)
    {
        List<TaskCompletionSource> done = [];
        lock (sync)
        {
            written += count;
            waiters.RemoveAll(w => w.Target <= written && Add(done, w.Done));
        }
        foreach (var tcs in done)
            tcs.TrySetResult();
    }

    /// <summary>Completes when every record added before this call has been written (or given up on).</summary>
    public Task WhenWrittenAsync(CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            if (written >= added)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((added, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    private static bool Add(List<TaskCompletionSource> list, TaskCompletionSource item)
    {
        list.Add(item);
        return true;
    }
}
