using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// What the Messenger and Zalo adapters share: run a turn through the pipeline, turn each reply into platform
/// requests and send them, unless the user is outside the platform's reply window — then the reply is recorded in
/// <see cref="UndeliveredReplies"/> instead (this is also what happens to a reminder sent through
/// <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/> too late).
/// The conversation id is the platform's user id.
/// </summary>
public abstract class PlatformAdapter<TRequest>(string channelId, ReplyWindow window, UndeliveredReplies undelivered) : ChannelAdapter
{
    /// <summary>When each user last wrote (the inbox records it, sends check it).</summary>
    public ReplyWindow Window { get; } = window;

    protected string ChannelId { get; } = channelId;

    protected UndeliveredReplies Undelivered { get; } = undelivered;

    /// <summary>The platform requests for one reply (none for what the platform cannot show).</summary>
    protected abstract IReadOnlyList<TRequest> ToRequests(Activity activity, string userId);

    /// <summary>Sends one request; returns the platform's message id; throws when the platform refuses it.</summary>
    protected abstract Task<string?> SendAsync(TRequest request, string userId, CancellationToken cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
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
            var requests = ToRequests(activity, userId);
            if (requests.Count == 0)
                continue;
            if (!Window.IsOpen(userId))
            {
                if (activity.Type == ActivityTypes.Message)
                {
                    var reason = $"outside the {Window.Length.TotalHours:0}-hour reply window";
                    Undelivered.Record(ChannelId, userId, reason, activity.Type);
                    turnContext.TurnState.Get<Turns.DeliveryReport>()?.Refuse(reason);
                }
                continue;
            }
            foreach (var request in requests)
                if (await SendAsync(request, userId, cancellationToken) is { } messageId)
                    responses[i] = new ResourceResponse(messageId);
        }
        return responses;
    }
}
