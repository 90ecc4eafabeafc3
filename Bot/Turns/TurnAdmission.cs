using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>How many turns run at once in this process (<c>Turns:MaxConcurrent</c>; 0, the default: no limit).</summary>
public sealed class TurnOptions
{
    public int MaxConcurrent { get; set; }
}

/// <summary>
/// Lets a few turns run at once and queues the others here (FIFO, holding no thread). A turn is CPU work on a small
/// machine: 16 turns running together finish no sooner than 4, but each of their steps waits in the thread pool's queue
/// behind all the others, and so does everything else the process serves, webhook acknowledgements and health checks
/// included (issue 12: a Messenger acknowledgement took 14 ms at p50 while 16 students answered on /api/messages; with
/// a limit of 4 on two cores, 4–6 ms). Off by default: that limit also cost about a fifth of the turns per second
/// (the queued turns' hand-offs, and a core idle while the admitted turns wait for SQLite's writer). A school that
/// runs Messenger or Zalo on a small, busy machine may prefer it.
/// Proactive turns (follow-ups, reminders, an agent's message) are not counted: they are few, and one started from
/// inside a turn must never wait for a slot that turn holds.
/// </summary>
public sealed class TurnAdmission(IOptions<TurnOptions> options) : IMiddleware
{
    private readonly SemaphoreSlim? slots = options.Value.MaxConcurrent > 0 ? new(options.Value.MaxConcurrent, options.Value.MaxConcurrent) : null;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (slots is null || turnContext.Activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation })
        {
            await next(cancellationToken);
            return;
        }
        await slots.WaitAsync(cancellationToken);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}
