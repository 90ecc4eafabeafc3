using VssBot.Bot.Declarations.Registry;

namespace VssBot.Bot.Declarations.Client;

/// <summary>Adds the registry key to every registry call (never a [Headers] literal in the interface).</summary>
public sealed class DeclarationApiKeyHandler(RegistryApiKey key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (key.SentToRegistry)
        {
            request.Headers.Remove(DeclarationApiOptions.ApiKeyHeader);
            request.Headers.Add(DeclarationApiOptions.ApiKeyHeader, key.Value);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
