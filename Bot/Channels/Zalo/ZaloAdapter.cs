using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo.Api;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Runs the bot for a Zalo OA: turns come from <see cref="ZaloInbox"/>, replies go out as customer-service messages,
/// only within the reply window after the user's last message. An access token Zalo calls invalid or expired
/// (-216, -220, -124) is refreshed once and the message sent again; a text with buttons Zalo refuses (-201, -233) is
/// sent again as text with a numbered list (the bot understands "1", "2"…).
/// </summary>
public sealed class ZaloAdapter(IZaloOaApi api, ZaloTokenStore tokens, ReplyWindow window, UndeliveredReplies undelivered)
    : PlatformAdapter<ZaloSendRequest>(ZaloMapper.ChannelId, window, undelivered)
{
    protected override IReadOnlyList<ZaloSendRequest> ToRequests(Activity activity, string userId, bool proactive) => ZaloMapper.ToSendRequests(activity, userId);

    protected override async Task<string?> SendAsync(ZaloSendRequest request, string userId, CancellationToken cancellationToken)
    {
        var (messageId, error, status) = await SendWithFreshTokenAsync(request, cancellationToken);
        if (error == 0)
            return messageId;
        if (ZaloErrors.Classify(error) == DeliveryFailure.FormRefused && request.Message.Attachment is not null)
        {
            string? lastId = null;
            foreach (var plain in ZaloMapper.AsNumberedText(request))
            {
                (lastId, error, status) = await SendWithFreshTokenAsync(plain, cancellationToken);
                if (error != 0)
                    throw new ZaloSendException(status, error);
            }
            return lastId;
        }
        throw new ZaloSendException(status, error);
    }

    /// <summary>Error 0 with the message id on success; an expired token is refreshed and the call made once more.</summary>
    private async Task<(string? MessageId, int? Error, int Status)> SendWithFreshTokenAsync(ZaloSendRequest request, CancellationToken cancellationToken)
    {
        var response = await tokens.CallWithFreshTokenAsync(() => api.SendCustomerServiceMessageAsync(request, cancellationToken), cancellationToken);
        var status = (int?)response.StatusCode ?? 0;
        if (response.IsSuccessStatusCode && response.Content is { Error: 0 } sent)
            return (sent.Data?.MessageId, 0, status);
        return (null, response.Content?.Error, status);
    }
}
