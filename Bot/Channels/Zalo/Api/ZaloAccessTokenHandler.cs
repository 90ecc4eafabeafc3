namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>Adds the OA's current access token (from <see cref="ZaloTokenStore"/>) as the <c>access_token</c> header.</summary>
public sealed class ZaloAccessTokenHandler(ZaloTokenStore tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("access_token");
        request.Headers.TryAddWithoutValidation("access_token", await tokens.GetAccessTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
