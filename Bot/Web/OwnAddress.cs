using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VssBot.Bot.Web;

/// <summary>The bot's own base URL when no public address is configured: from the request being served, or from the server's listening addresses.</summary>
public static class OwnAddress
{
    /// <summary>"{scheme}://{host}{pathBase}" of the request (after the forwarded headers of trusted proxies are applied).</summary>
    public static string? FromRequest(HttpContext? http) =>
        http?.Request is { Host.HasValue: true } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;

    /// <summary>
    /// The first address the server listens on (plain HTTP first: no certificate), wildcard hosts turned into localhost; before it
    /// listens (or with no server, as in the terminal chat) the first of the configured <c>urls</c> (ASPNETCORE_URLS, --urls).
    /// </summary>
    public static string? FromServer(IServer? server, IConfiguration? configuration = null)
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } listening
            ? listening
            : configuration?[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var own = addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .FirstOrDefault();
        return own?.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://[::]", "://localhost").TrimEnd('/');
    }
}
