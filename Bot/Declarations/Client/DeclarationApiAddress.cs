using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VssBot.Bot.Declarations.Client;

/// <summary>
/// The registry's base address: <c>DeclarationApi:BaseAddress</c>, or else the bot's own URL (the embedded registry),
/// read from the server once it listens, with wildcard hosts turned into localhost.
/// </summary>
public static class DeclarationApiAddress
{
    public static Uri Resolve(DeclarationApiOptions options, IServer server)
    {
        if (!string.IsNullOrWhiteSpace(options.BaseAddress))
            return new Uri(options.BaseAddress, UriKind.Absolute);
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0) // loopback plain HTTP first: no certificate
            .FirstOrDefault();
        if (own is null)
            return new Uri("http://localhost/");
        return new Uri(own.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost")
            .Replace("://[::]", "://localhost"), UriKind.Absolute);
    }
}
