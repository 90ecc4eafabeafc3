using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Turns;

/// <summary>
/// Every adapter's OnTurnError, in one place: log (types and stack only, never message text),
/// apologise to the student, and, when the conversation itself broke (a dialog bug), delete its state so the next
/// message starts clean instead of failing the same way again. An infrastructure fault (wrong data key, database,
/// disk, network: <see cref="InfrastructureFault"/>) never deletes anything: the state is kept for when it is fixed.
/// Undeliverable replies are only logged: the request still completes, so the channel does not retry the turn in a loop.
/// A failed proactive turn is reported to its caller (<see cref="DeliveryReport"/>) and nothing is reset.
/// </summary>
public sealed class TurnErrorHandler(StudentState studentState, BotTexts texts, ILogger<TurnErrorHandler> logger)
{
    /// <summary>What the student reads when a turn failed (Dialogs/Texts: "conv.error").</summary>
    public string Apology => texts["conv.error"];

    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception error)
    {
        var activity = turnContext.Activity;
        if (error is ReplyDeliveryException)
        {
            if (turnContext.TurnState.Get<DeliveryReport>() is { } report)
                report.Failure = ExceptionSummary.Describe(error, withStack: false);
            logger.LogWarning("Turn {ActivityId} on {ChannelId}: replies could not be delivered: {Error}",
                activity.Id, activity.ChannelId, ExceptionSummary.Describe(error, withStack: false));
            return;
        }

        logger.LogError("Turn {ActivityId} ({ActivityType}) on {ChannelId} failed: {Error}",
            activity.Id, activity.Type, activity.ChannelId, ExceptionSummary.Describe(error));

        // A proactive turn (the messenger put a report in it): its caller hears why; the student did not ask anything,
        // so there is nothing to apologise for, and their conversation is not theirs to lose over it.
        if (turnContext.TurnState.Get<DeliveryReport>() is { } proactive)
        {
            proactive.Failure = ExceptionSummary.Describe(error, withStack: false);
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(Apology);
        }
        catch (Exception e)
        {
            logger.LogWarning("Turn {ActivityId}: the apology could not be delivered: {Error}", activity.Id, ExceptionSummary.Describe(e, withStack: false));
        }

        if (InfrastructureFault.Is(error))
        {
            logger.LogWarning("Turn {ActivityId}: an infrastructure fault; the conversation state is kept", activity.Id);
            return;
        }

        try
        {
            await studentState.DeleteConversationAsync(turnContext);
        }
        catch (Exception e)
        {
            logger.LogError("Turn {ActivityId}: the conversation state could not be reset: {Error}", activity.Id, ExceptionSummary.Describe(e));
        }
    }
}
