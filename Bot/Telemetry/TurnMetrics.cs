using System.Diagnostics;
using Microsoft.Bot.Builder;
using VssBot.Bot.Turns;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Telemetry;

/// <summary>
/// Counts every turn (channel, type, duration, failure) and what it changed in the student's journey: the states reached
/// and the escalations raised during the turn (entries stamped at or after its start); and traces it (a "turn" span of
/// <see cref="VssBotTracing"/>: channel, type, journey state and question key after the turn, no personal data). Reads the
/// profile the turn already loaded; no storage call of its own.
/// </summary>
public sealed class TurnMetrics(VssBotMetrics metrics, StudentBot bot, Form01Definition form, TimeProvider clock) : ITurnObserver
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var channel = turnContext.Activity.ChannelId ?? "unknown";
        var type = turnContext.Activity.Type ?? "unknown";
        using var span = VssBotTracing.Source.StartActivity("turn");
        span?.SetTag(VssBotTracing.Channel, channel).SetTag(VssBotTracing.ActivityType, type);
        var failed = true;
        try
        {
            await next(cancellationToken);
            failed = false;
        }
        catch (Exception e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name); // the type only: a message may quote what the student typed
            throw;
        }
        finally
        {
            metrics.Turn(channel, type, watch.Elapsed, failed);
        }
        if (await ProfileAsync(turnContext, cancellationToken) is not { } profile) return;
        span?.SetTag(VssBotTracing.JourneyState, profile.Journey.State.ToString()).SetTag(VssBotTracing.DialogStep, FormProgress.NextStep(profile, form));
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
