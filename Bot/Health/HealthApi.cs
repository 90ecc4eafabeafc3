using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace VssBot.Bot.Health;

public static class HealthApi
{
    /// <summary>
    /// <c>GET /health</c>: "ok" while the process serves requests (liveness/readiness probes).
    /// <c>GET /health/channels</c>: the chat platforms' checks (e.g. <c>zalo-token</c>: 503 while the OA token cannot be refreshed).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => "ok");
        app.MapHealthChecks("/health/channels", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Channels.Webhooks.WebhookChannels.HealthTag) });
        return app;
    }
}
