using Microsoft.Extensions.Options;

namespace VssBot.Bot.Declarations.Client;

/// <summary>Adds the configured API key to every registry call (never a [Headers] literal in the interface).</summary>
public sealed class DeclarationApiKeyHandler(IOptionsMonitor<DeclarationApiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Remove(DeclarationApiOptions.ApiKeyHeader);
            request.Headers.Add(DeclarationApiOptions.ApiKeyHeader, key);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
