using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Put in a proactive turn's state by <see cref="Channels.Proactive.StudentMessenger"/>: the channel adapters, the
/// turn error handler and the messenger fill in what became of the turn's messages (the turn context itself is gone
/// once the turn is over).
/// </summary>
public sealed class DeliveryReport
{
    /// <summary>Messages handed to the channel.</summary>
    public int Sent { get; set; }

    /// <summary>Why (some) messages were not delivered, or the turn failed; null when all went out.</summary>
    public string? Failure { get; set; }

    /// <summary>The channel itself declined by its rules (e.g. outside Messenger's 24-hour window), rather than failing.</summary>
    public bool Refused { get; private set; }

    /// <summary>What kind of refusal, when the channel said (window closed, person unavailable…).</summary>
    public Channels.Webhooks.DeliveryFailure? Kind { get; set; }

    /// <summary>Records a message the channel declined; the first reason wins.</summary>
    public void Refuse(string reason, Channels.Webhooks.DeliveryFailure? kind = null)
    {
        Failure ??= reason;
        Kind ??= kind;
        Refused = true;
    }
}

/// <summary>The channel could not be reached to deliver the bot's replies (e.g. an unreachable serviceUrl).</summary>
public sealed class ReplyDeliveryException(Exception inner)
    : Exception("The replies could not be delivered to the channel.", inner);

/// <summary>
/// Marks failures to send replies as <see cref="ReplyDeliveryException"/>, so the turn error handler can tell
/// "the channel is unreachable" (nothing to apologise through, nothing wrong with the conversation)
/// from "the bot failed".
/// </summary>
public sealed class ReplyDelivery : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            try
            {
                return await nextSend();
            }
            catch (Exception e) when (e is not OperationCanceledException and not ReplyDeliveryException)
            {
                throw new ReplyDeliveryException(e);
            }
        });
        return next(cancellationToken);
    }
}
