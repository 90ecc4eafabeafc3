using Refit;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>
/// The OA API v3 customer-service ("tư vấn") message endpoint. The <c>access_token</c> header is added by
/// <see cref="ZaloAccessTokenHandler"/>. Zalo answers HTTP 200 with <c>{"error":0}</c> on success and a
/// negative error code otherwise (-216: the access token is invalid or expired).
/// </summary>
public interface IZaloOaApi
{
    [Post("/v3.0/oa/message/cs")]
    Task<IApiResponse<ZaloApiResult>> SendCustomerServiceMessageAsync([Body] ZaloSendRequest request, CancellationToken cancellationToken);

    /// <summary>A ZBS template message to a user id (approved template, billed; see PROTOCOL.md: body shape unverified).</summary>
    [Post("/v3.0/oa/message/template")]
    Task<IApiResponse<ZaloApiResult>> SendTemplateMessageAsync([Body] ZaloTemplateRequest request, CancellationToken cancellationToken);

    /// <summary>A user's message quota, with when they last interacted with the OA (read where the reply window is unknown).</summary>
    [Post("/v3.0/oa/quota/message")]
    Task<IApiResponse<ZaloQuotaResult>> GetMessageQuotaAsync([Body] ZaloQuotaRequest request, CancellationToken cancellationToken);
}
