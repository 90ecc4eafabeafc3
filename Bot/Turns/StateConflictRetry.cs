using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Storage;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Makes concurrent turns of one conversation on several instances safe (the <see cref="ConversationTurnGate"/> only
/// serialises within one process). Replies are held back until the turn has finished, i.e. until its state is saved.
/// When a state save is refused because another instance saved first (a stale ETag), the held replies are dropped,
/// the turn state is reset, state is reloaded and the turn runs again, up to <see cref="MaxAttempts"/> times.
/// Since nothing has reached the student before the save, a re-run never duplicates an answer. If every attempt
/// conflicts, the student gets the apology (and the stored state, written by the other instance, is kept).
/// A turn that fails otherwise still sends the replies it made, then the error goes to the turn error handler.
/// Caveat: a turn that saved conversation state and then conflicts on user state (the same student in two
/// conversations at once) is re-run on the already saved conversation state.
/// </summary>
public sealed class StateConflictRetry(StudentState? state, string apology, ILogger<StateConflictRetry> logger) : IMiddleware
{
    public const int MaxAttempts = 8;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var held = new HeldReplies();
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            if (held.Released)
                return await nextSend();
            held.Activities.AddRange(activities);
            // Held replies are answers (StudentBot starts the conversation over when a turn has not answered).
            var messages = activities.Count(a => a.Type == ActivityTypes.Message);
            if (messages > 0)
            {
                if (context.TurnState.Get<Dialogs.Runtime.HeldReplies>() is not { } answered)
                    context.TurnState.Add(answered = new Dialogs.Runtime.HeldReplies());
                answered.Messages += messages;
            }
            return [.. activities.Select(a => new ResourceResponse(a.Id ?? ""))];
        });
        var before = turnContext.TurnState.Keys.ToHashSet(StringComparer.Ordinal);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(cancellationToken);
            }
            catch (Exception e) when (StateStore.IsETagConflict(e) && attempt < MaxAttempts)
            {
                logger.LogInformation("Turn {ActivityId}: state changed on another instance, running the turn again (attempt {Attempt})",
                    turnContext.Activity.Id, attempt + 1);
                held.Activities.Clear();
                await ResetAsync(turnContext, before, attempt, cancellationToken);
                continue;
            }
            catch (Exception e) when (StateStore.IsETagConflict(e))
            {
                logger.LogWarning("Turn {ActivityId}: state kept changing on another instance, {Attempts} attempts; the student is asked to send again",
                    turnContext.Activity.Id, attempt);
                held.Activities.Clear();
                held.Released = true;
                await turnContext.SendActivityAsync(apology, cancellationToken: cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await ReleaseAfterFailureAsync(turnContext, held, cancellationToken);
                throw;
            }
            await ReleaseAsync(turnContext, held, cancellationToken);
            return;
        }
    }

    /// <summary>Back to the turn state the bot started with, and the latest stored state.</summary>
    private async Task ResetAsync(ITurnContext turnContext, HashSet<string> before, int attempt, CancellationToken cancellationToken)
    {
        foreach (var key in turnContext.TurnState.Keys.Where(k => !before.Contains(k)).ToList())
            turnContext.TurnState.Remove(key);
        if (state is not null)
            await state.LoadAsync(turnContext, force: true, cancellationToken);
        // Spread the instances apart so they do not collide again at once.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
    }

    private static async Task ReleaseAsync(ITurnContext turnContext, HeldReplies held, CancellationToken cancellationToken)
    {
        held.Released = true;
        if (held.Activities.Count > 0)
            await turnContext.SendActivitiesAsync([.. held.Activities], cancellationToken);
    }

    private async Task ReleaseAfterFailureAsync(ITurnContext turnContext, HeldReplies held, CancellationToken cancellationToken)
    {
        try
        {
            await ReleaseAsync(turnContext, held, cancellationToken);
        }
        catch (Exception e)
        {
            held.Released = true;
            logger.LogWarning("Turn {ActivityId}: the replies of a failed turn could not be delivered: {Error}",
                turnContext.Activity.Id, ExceptionSummary.Describe(e, withStack: false));
        }
    }

    private sealed class HeldReplies
    {
        public List<Activity> Activities { get; } = [];
        public bool Released { get; set; }
    }
}
