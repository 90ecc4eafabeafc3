using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.Messenger.Send;

/// <summary>
/// Adds the page access token to each Send API call as the documented <c>access_token</c> query parameter,
/// from options (so a rotated token is picked up). .NET's HttpClient logging redacts query strings.
/// </summary>
public sealed class MessengerAccessTokenHandler(IOptionsMonitor<MessengerOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = Uri.EscapeDataString(options.CurrentValue.PageAccessToken ?? "");
        var uri = request.RequestUri!;
        var query = string.IsNullOrEmpty(uri.Query) ? $"?access_token={token}" : $"{uri.Query}&access_token={token}";
        request.RequestUri = new UriBuilder(uri) { Query = query.TrimStart('?') }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
