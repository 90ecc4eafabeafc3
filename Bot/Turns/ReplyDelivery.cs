using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Put in a proactive turn's state by whoever starts it; <see cref="TurnErrorHandler"/> fills in why the replies could
/// not be delivered (the turn context itself is gone once the turn is over).
/// </summary>
public sealed class DeliveryReport
{
    public string? Failure { get; set; }

    /// <summary>The channel itself declined by its rules (e.g. outside Messenger's 24-hour window), rather than failing.</summary>
    public bool Refused { get; set; }

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

/// <summary>A channel declined to send a message by its own rules (not an error of the bot or the network).</summary>
public sealed class MessageRefusedException(string reason) : Exception(reason);

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
