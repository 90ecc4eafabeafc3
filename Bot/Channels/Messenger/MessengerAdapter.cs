using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Runs the bot for Messenger: turns come from <see cref="MessengerInbox"/>, replies go out through the Send API.
/// Nothing is sent to a user outside the 24-hour window (ordinary messages are refused there): it is recorded
/// in <see cref="UndeliveredReplies"/> instead, which is what happens to a reminder sent through
/// <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/> too late.
/// </summary>
public sealed class MessengerAdapter : BotAdapter
{
    private readonly IMessengerSendApi api;
    private readonly UndeliveredReplies undelivered;
    private readonly ILogger<MessengerAdapter> logger;

    public MessengerAdapter(IMessengerSendApi api, IOptions<MessengerOptions> options, UndeliveredReplies undelivered, TimeProvider clock, ILogger<MessengerAdapter> logger)
    {
        this.api = api;
        this.undelivered = undelivered;
        this.logger = logger;
        Window = new ReplyWindow(options.Value.ReplyWindow, clock);
    }

    /// <summary>When each user last wrote (the inbox records it, sends check it).</summary>
    public ReplyWindow Window { get; }

    /// <summary>Runs one turn of <paramref name="bot"/> for <paramref name="activity"/> through the middleware pipeline.</summary>
    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(this, activity);
        await RunPipelineAsync(turnContext, bot, cancellationToken);
    }

    /// <summary>Shows "typing…" to the user while the turn runs; best effort (a failure is logged, the turn goes on).</summary>
    public async Task ShowTypingAsync(string userId, CancellationToken cancellationToken)
    {
        if (!Window.IsOpen(userId))
            return;
        try
        {
            var response = await api.SendAsync(new MessengerSendRequest(new MessengerRecipient(userId), SenderAction: MessengerSendRequest.TypingOn), cancellationToken);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("typing_on was refused: {Status}", (int?)response.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("typing_on could not be sent: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
    }

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
            var requests = MessengerMapper.ToSendRequests(activity, userId);
            if (requests.Count == 0)
                continue;
            if (!Window.IsOpen(userId))
            {
                if (activity.Type == ActivityTypes.Message)
                    undelivered.Record(MessengerMapper.ChannelId, userId, "outside the 24-hour messaging window", activity.Type);
                continue;
            }
            foreach (var request in requests)
            {
                var response = await api.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    throw new MessengerSendException((int?)response.StatusCode ?? 0, GraphErrorCode(response));
                if (response.Content?.MessageId is { } messageId)
                    responses[i] = new ResourceResponse(messageId);
            }
        }
        return responses;
    }

    /// <summary>Graph errors: <c>{"error":{"code":…}}</c>; the message is not kept (it can quote the request).</summary>
    private static int? GraphErrorCode(IApiResponse response)
    {
        try
        {
            using var json = JsonDocument.Parse((response.Error as ApiException)?.Content ?? "");
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger messages cannot be edited by the page.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Messenger messages cannot be deleted by the page.");
}
