using System.Text.Json;
using Microsoft.Bot.Schema;
using Refit;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Runs the bot for Messenger: turns come from <see cref="MessengerInbox"/>, replies go out through the Send API
/// (<c>messaging_type</c> RESPONSE for answers, UPDATE for what the bot says first), only within 24 hours of the user's
/// last message. Graph errors are classified (<see cref="GraphErrors"/>): "outside the window" and "person unavailable"
/// become refusals the caller can route around.
/// </summary>
public sealed class MessengerAdapter(IMessengerSendApi api, ReplyWindow window, UndeliveredReplies undelivered, ILogger<MessengerAdapter> logger)
    : PlatformAdapter<MessengerSendRequest>(MessengerMapper.ChannelId, window, undelivered)
{
    /// <summary>Shows "typing…" to the user while the turn runs; best effort (a failure is logged, the turn goes on).</summary>
    public async Task ShowTypingAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            if (!await Window.IsOpenAsync(userId, cancellationToken))
                return;
            var response = await api.SendAsync(new MessengerSendRequest(new MessengerRecipient(userId), SenderAction: MessengerSendRequest.TypingOn), cancellationToken);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("typing_on was refused: {Status}", (int?)response.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("typing_on could not be sent: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
    }

    protected override IReadOnlyList<MessengerSendRequest> ToRequests(Activity activity, string userId, bool proactive) =>
        MessengerMapper.ToSendRequests(activity, userId, proactive);

    protected override async Task<string?> SendAsync(MessengerSendRequest request, string userId, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (code, subcode) = GraphError(response);
            throw new MessengerSendException((int?)response.StatusCode ?? 0, code, subcode);
        }
        return response.Content?.MessageId;
    }

    /// <summary>Graph errors: <c>{"error":{"code":…,"error_subcode":…}}</c>; the message is not kept (it can quote the request).</summary>
    internal static (int? Code, int? Subcode) GraphError(IApiResponse response)
    {
        try
        {
            using var json = JsonDocument.Parse((response.Error as ApiException)?.Content ?? "");
            if (!json.RootElement.TryGetProperty("error", out var error))
                return (null, null);
            return (Int(error, "code"), Int(error, "error_subcode"));
        }
        catch (JsonException)
        {
            return (null, null);
        }

        static int? Int(JsonElement error, string name) => error.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;
    }
}
