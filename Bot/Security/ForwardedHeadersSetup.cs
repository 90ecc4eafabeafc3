using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace VssBot.Bot.Security;

/// <summary>
/// Behind a TLS-terminating proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured from trusted proxies
/// only, so the Direct Line stream URL is <c>wss://</c>, sign-in cookies are <c>Secure</c> and the loopback-only rule of
/// /api/messages sees the real client. Trusted: loopback (ASP.NET's default), plus <c>ForwardedHeaders:KnownProxies</c>
/// (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the cluster's pod network).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = configuration.GetSection(SectionName);
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
