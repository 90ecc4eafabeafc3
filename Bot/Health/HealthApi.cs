namespace VssBot.Bot.Health;

public static class HealthApi
{
    /// <summary><c>GET /health</c>: "ok" while the process serves requests (liveness/readiness probes).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => "ok");
        return app;
    }
}
