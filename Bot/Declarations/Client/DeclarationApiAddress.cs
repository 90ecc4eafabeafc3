using Microsoft.AspNetCore.Hosting.Server;
using VssBot.Bot.Web;

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
        return new Uri((OwnAddress.FromServer(server) ?? "http://localhost") + "/", UriKind.Absolute);
    }
}
