using Refit;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>
/// Zalo's OAuth v4 token endpoint for an OA: a form with <c>refresh_token</c>, <c>app_id</c> and
/// <c>grant_type=refresh_token</c>; the app's secret goes in the <c>secret_key</c> header (added by <see cref="ZaloSecretKeyHandler"/>).
/// </summary>
public interface IZaloOAuthApi
{
    [Post("/v4/oa/access_token")]
    Task<IApiResponse<ZaloTokenResponse>> RefreshAccessTokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
