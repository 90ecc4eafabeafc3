using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>Adds the app's secret key as the <c>secret_key</c> header of OAuth calls, from options.</summary>
public sealed class ZaloSecretKeyHandler(IOptionsMonitor<ZaloOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("secret_key");
        request.Headers.TryAddWithoutValidation("secret_key", options.CurrentValue.AppSecretKey ?? "");
        return base.SendAsync(request, cancellationToken);
    }
}
