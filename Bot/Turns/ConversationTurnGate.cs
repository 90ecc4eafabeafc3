using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Runs the turns of one conversation one at a time, so two messages arriving together cannot both
/// load the same state and overwrite each other's answers (BotState is last-writer-wins).
/// One semaphore per conversation that has a turn in flight; it is removed when the last waiter leaves.
/// Per process: across instances sharing PostgreSQL, <see cref="StateConflictRetry"/> re-runs a turn whose state save lost the race.
/// </summary>
public sealed class ConversationTurnGate : IMiddleware
{
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    /// <summary>How many conversations currently hold or wait for a gate (for tests and diagnostics).</summary>
    public int OpenGates
    {
        get { lock (sync) return gates.Count; }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity?.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            await next(cancellationToken);
            return;
        }

        var key = $"{activity.ChannelId}/{conversationId}";
        var gate = Enter(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Leave(key, gate);
        }
    }

    private Gate Enter(string key)
    {
        lock (sync)
        {
            if (!gates.TryGetValue(key, out var gate))
                gates[key] = gate = new Gate();
            gate.Users++;
            return gate;
        }
    }

    private void Leave(string key, Gate gate)
    {
        lock (sync)
        {
            if (--gate.Users > 0)
                return;
            gates.Remove(key);
            gate.Semaphore.Dispose();
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }
}
