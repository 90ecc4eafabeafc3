using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VssBot.Bot.Health;

/// <summary>
/// ASP.NET Core health checks: <c>/health</c> (every check: database, data key), <c>/health/ready</c> (Kubernetes
/// readiness: the same checks, so traffic stops while the data cannot be read) and <c>/health/live</c> (liveness: the
/// process answers; a restart would not fix a wrong key, so it runs no check).
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
        return app;
    }
}
