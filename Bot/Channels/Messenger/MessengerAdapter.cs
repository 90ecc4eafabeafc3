using System.Text.Json;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Runs the bot for Messenger: turns come from <see cref="MessengerInbox"/>, replies go out through the Send API
/// (<c>messaging_type</c> RESPONSE), only within 24 hours of the user's last message.
/// </summary>
public sealed class MessengerAdapter(IMessengerSendApi api, IOptions<MessengerOptions> options, UndeliveredReplies undelivered, TimeProvider clock, ILogger<MessengerAdapter> logger)
    : PlatformAdapter<MessengerSendRequest>(MessengerMapper.ChannelId, new ReplyWindow(options.Value.ReplyWindow, clock), undelivered)
{
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

    protected override IReadOnlyList<MessengerSendRequest> ToRequests(Activity activity, string userId) => MessengerMapper.ToSendRequests(activity, userId);

    protected override async Task<string?> SendAsync(MessengerSendRequest request, string userId, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var code = GraphErrorCode(response);
            if (request.Message is not null)
                Undelivered.Record(ChannelId, userId, $"Send API answered {(int?)response.StatusCode} (Graph error {code?.ToString() ?? "none"})", "message");
            throw new MessengerSendException((int?)response.StatusCode ?? 0, code);
        }
        return response.Content?.MessageId;
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
}
