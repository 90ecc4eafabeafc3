using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>How many turns run at once in this process (<c>Turns:MaxConcurrent</c>; 0 = twice the processor count).</summary>
public sealed class TurnOptions
{
    public int MaxConcurrent { get; set; }

    public int Limit => MaxConcurrent > 0 ? MaxConcurrent : 2 * Environment.ProcessorCount;
}

/// <summary>
/// Lets a few turns run at once and queues the others here (FIFO, holding no thread). A turn is CPU work on a small
/// machine: 16 turns running together finish no sooner than 4, but each of their steps waits in the thread pool's queue
/// behind all the others, and so does everything else the process serves, webhook acknowledgements and health checks
/// included (issue 12: a Messenger acknowledgement took 15 ms at p50 while 16 students answered on /api/messages).
/// Proactive turns (follow-ups, reminders, an agent's message) are not counted: they are few, and one started from
/// inside a turn must never wait for a slot that turn holds.
/// </summary>
public sealed class TurnAdmission(IOptions<TurnOptions> options) : IMiddleware
{
    private readonly SemaphoreSlim slots = new(options.Value.Limit, options.Value.Limit);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation })
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
