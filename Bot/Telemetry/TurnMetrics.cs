using System.Diagnostics;
using Microsoft.Bot.Builder;
using VssBot.Bot.Turns;
using VssBot.Dialogs;

namespace VssBot.Bot.Telemetry;

/// <summary>
/// Counts every turn (channel, type, duration, failure) and what it changed in the student's journey: the states reached
/// and the escalations raised during the turn (entries stamped at or after its start). Reads the profile the turn already
/// loaded; no storage call of its own.
/// </summary>
public sealed class TurnMetrics(VssBotMetrics metrics, StudentBot bot, TimeProvider clock) : ITurnObserver
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        finally
        {
            metrics.Turn(turnContext.Activity.ChannelId ?? "unknown", turnContext.Activity.Type ?? "unknown", watch.Elapsed, failed);
        }
        if (await ProfileAsync(turnContext, cancellationToken) is not { } profile) return;
        foreach (var transition in profile.Journey.History.Where(h => h.At >= started))
            metrics.JourneyReached(transition.To.ToString());
        foreach (var escalation in profile.Escalations.Where(e => e.At >= started))
            metrics.Escalation(escalation.Reason.ToString());
    }

    private async Task<VssBot.Dialogs.Conversation.StudentProfile?> ProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await bot.Profiles.GetAsync(turnContext, null, cancellationToken);
        }
        catch (MissingMemberException)
        {
            return null; // nobody has spoken yet (a conversation update)
        }
    }
}
