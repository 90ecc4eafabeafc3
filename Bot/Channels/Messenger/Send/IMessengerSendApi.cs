using Refit;

namespace VssBot.Bot.Channels.Messenger.Send;

/// <summary>
/// The Messenger Send API (<c>POST {SendApiBaseAddress}me/messages</c>). The page access token is added by
/// <see cref="MessengerAccessTokenHandler"/>; 5xx, 408, 429 and network errors are retried by the client's
/// resilience handler before an error response reaches the caller.
/// </summary>
public interface IMessengerSendApi
{
    [Post("/me/messages")]
    Task<IApiResponse<MessengerSendResponse>> SendAsync([Body] MessengerSendRequest request, CancellationToken cancellationToken);
}
