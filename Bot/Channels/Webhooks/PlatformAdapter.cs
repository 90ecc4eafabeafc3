using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// What the Messenger and Zalo adapters share: run a turn through the pipeline, turn each reply into platform requests
/// and send them, unless the user is outside the platform's reply window — then the reply is recorded in
/// <see cref="UndeliveredReplies"/> and the turn's <see cref="Turns.DeliveryReport"/> says "refused" (this is also what
/// happens to a proactive message sent too late). A platform that answers "window closed" or "person unavailable" is
/// handled the same way (and the window is corrected); other refusals are recorded and thrown. The conversation id is
/// the platform's user id.
/// </summary>
public abstract class PlatformAdapter<TRequest>(string channelId, ReplyWindow window, UndeliveredReplies undelivered) : ChannelAdapter
{
    /// <summary>When each user last wrote (the inbox records it, sends check it).</summary>
    public ReplyWindow Window { get; } = window;

    protected string ChannelId { get; } = channelId;

    protected UndeliveredReplies Undelivered { get; } = undelivered;

    /// <summary>
    /// The platform requests for one reply (none for what the platform cannot show). <paramref name="proactive"/>: the
    /// bot speaks first (a reminder, an agent's message) rather than answering the user's message.
    /// </summary>
    protected abstract IReadOnlyList<TRequest> ToRequests(Activity activity, string userId, bool proactive);

    /// <summary>Sends one request; returns the platform's message id; throws <see cref="PlatformSendException"/> when refused.</summary>
    protected abstract Task<string?> SendAsync(TRequest request, string userId, CancellationToken cancellationToken);

    /// <summary>A turn started by <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/>, not by the user.</summary>
    protected static bool IsProactive(ITurnContext turnContext) =>
        turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation;

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        var proactive = IsProactive(turnContext);
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N"));
            if (activity.Type == ActivityTypes.Delay && activity.Value is int milliseconds)
            {
                await Task.Delay(milliseconds, cancellationToken);
                continue;
            }

            var userId = activity.Conversation?.Id ?? turnContext.Activity.From.Id;
            var requests = ToRequests(activity, userId, proactive);
            if (requests.Count == 0)
                continue;
            if (!await Window.IsOpenAsync(userId, cancellationToken))
            {
                if (activity.Type == ActivityTypes.Message)
                    Refuse(turnContext, userId, $"outside the {Window.Length.TotalHours:0}-hour reply window", DeliveryFailure.WindowClosed, activity.Type);
                continue;
            }
            try
            {
                foreach (var request in requests)
                    if (await SendAsync(request, userId, cancellationToken) is { } messageId)
                        responses[i] = new ResourceResponse(messageId);
            }
            catch (PlatformSendException e) when (e.Failure is DeliveryFailure.WindowClosed or DeliveryFailure.RecipientUnavailable)
            {
                if (e.Failure == DeliveryFailure.WindowClosed)
                    await Window.CloseAsync(userId, cancellationToken);
                Refuse(turnContext, userId, $"the platform refused it: {e.Failure} (error {e.ErrorCode})", e.Failure, activity.Type);
            }
            catch (PlatformSendException e)
            {
                Undelivered.Record(ChannelId, userId, $"HTTP {e.Status}, error {e.ErrorCode?.ToString() ?? "none"}: {e.Failure}", activity.Type);
                throw;
            }
        }
        return responses;
    }

    private void Refuse(ITurnContext turnContext, string userId, string reason, DeliveryFailure failure, string activityType)
    {
        Undelivered.Record(ChannelId, userId, reason, activityType);
        turnContext.TurnState.Get<Turns.DeliveryReport>()?.Refuse(reason, failure);
    }
}
