using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VssBot.Bot.Health;

/// <summary>
/// ASP.NET Core health checks: <c>/health</c> (every check: database, data key, chat platforms), <c>/health/ready</c>
/// (Kubernetes readiness: database and data key, so traffic stops while the data cannot be read), <c>/health/live</c>
/// (liveness: the process answers; a restart would not fix a wrong key, so it runs no check) and <c>/health/channels</c>
/// (the chat platforms' checks, e.g. <c>zalo-token</c>: 503 while the OA token cannot be refreshed).
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<DataKeyHealthCheck>("data-key", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/channels", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Channels.Webhooks.WebhookChannels.HealthTag) });
        return app;
    }
}
