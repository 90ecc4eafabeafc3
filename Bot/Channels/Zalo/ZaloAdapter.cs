using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo.Api;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Runs the bot for a Zalo OA: turns come from <see cref="ZaloInbox"/>, replies go out as customer-service
/// messages, only within the reply window after the user's last message. An access token Zalo calls invalid
/// (-216) is refreshed once and the message sent again.
/// </summary>
public sealed class ZaloAdapter(IZaloOaApi api, ZaloTokenStore tokens, IOptions<ZaloOptions> options, UndeliveredReplies undelivered, TimeProvider clock)
    : PlatformAdapter<ZaloSendRequest>(ZaloMapper.ChannelId, new ReplyWindow(options.Value.ReplyWindow, clock), undelivered)
{
    protected override IReadOnlyList<ZaloSendRequest> ToRequests(Activity activity, string userId) => ZaloMapper.ToSendRequests(activity, userId);

    protected override async Task<string?> SendAsync(ZaloSendRequest request, string userId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        var response = await api.SendCustomerServiceMessageAsync(request, cancellationToken);
        if (response.Content?.Error == ZaloApiResult.InvalidAccessToken && await tokens.RefreshAsync(token, cancellationToken))
            response = await api.SendCustomerServiceMessageAsync(request, cancellationToken);

        if (response.IsSuccessStatusCode && response.Content is { Error: 0 } sent)
            return sent.Data?.MessageId;
        var status = (int?)response.StatusCode ?? 0;
        Undelivered.Record(ChannelId, userId, $"OA API answered HTTP {status}, Zalo error {response.Content?.Error.ToString() ?? "none"}", "message");
        throw new ZaloSendException(status, response.Content?.Error);
    }
}
