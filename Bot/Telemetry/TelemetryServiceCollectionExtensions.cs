using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry metrics: the bot's own (<see cref="VssBotMetrics"/>: turns, latency, errors per channel, declarations,
    /// outbox depth, escalations, journey funnel) and ASP.NET Core's request metrics, read by the Prometheus exporter.
    /// </summary>
    /// <summary>Tag combinations kept per metric stream (OpenTelemetry's cardinality limit).</summary>
    public const int MetricPointsPerStream = 500;

    public static IServiceCollection AddVssBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .Validate(o => o.PrometheusPath.StartsWith('/'), "Telemetry:PrometheusPath must start with '/'.")
            .ValidateOnStart();
        services.AddVssBotMetrics();
        services.AddSingleton<ITurnObserver, TurnMetrics>();
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(VssBotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            // Every metric stream preallocates a point per tag combination it may keep: 2,000 by default, 4.8 MB of the
            // heap for the ~33 streams (issue 12, dotnet-gcdump). The widest here (requests by route, method and status)
            // sees a few dozen; combinations past the limit are still counted, under otel.metric.overflow.
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricPointsPerStream })
            .AddPrometheusExporter());

        // Traces only where configuration names a collector: off by default, nothing collected for no one.
        var otlp = configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        if (!string.IsNullOrWhiteSpace(otlp) || !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.StandardOtlpEndpointVariable]))
            telemetry.WithTracing(tracing => tracing
                .AddSource(VssBotTracing.SourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.EnrichWithHttpResponse = (span, _) => WithoutAddress(span);
                    o.RecordException = false; // exception messages may quote what a student typed
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.EnrichWithHttpResponseMessage = (span, _) => WithoutAddress(span);
                    o.EnrichWithException = (span, _) => WithoutAddress(span);
                    o.RecordException = false;
                })
                .AddOtlpExporter(o =>
                {
                    if (!string.IsNullOrWhiteSpace(otlp)) o.Endpoint = new Uri(otlp);
                }));
        return services;
    }

    /// <summary>
    /// Paths and queries can carry personal data or secrets (a printable-form token, <c>?key=</c>, an access token): a
    /// request span keeps its route template (<c>http.route</c>), method and status, not the address itself.
    /// </summary>
    private static void WithoutAddress(System.Diagnostics.Activity span)
    {
        span.SetTag("url.path", null);
        span.SetTag("url.query", null);
        span.SetTag("url.full", null);
        if (span.GetTagItem("http.route") is string route) span.DisplayName = $"{span.GetTagItem("http.request.method")} {route}";
    }

    /// <summary>The bot's meter alone (for modules that count: the declarations outbox), without an exporter.</summary>
    public static IServiceCollection AddVssBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<VssBotMetrics>();
        return services;
    }

    /// <summary>The Prometheus endpoint (<c>Telemetry:PrometheusPath</c>), for loopback callers or with the scrape key.</summary>
    public static WebApplication UseVssBotMetricsEndpoint(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.PrometheusEnabled)
            return app;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path.Equals(options.PrometheusPath, StringComparison.OrdinalIgnoreCase) && MayScrape(http, options.ScrapeKey));
        return app;
    }

    private static bool MayScrape(HttpContext http, string? scrapeKey)
    {
        if (http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address))
            return true;
        if (string.IsNullOrEmpty(scrapeKey) || http.Request.Headers.Authorization.ToString() is not { Length: > 7 } header
            || !header.StartsWith("Bearer ", StringComparison.Ordinal))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..]), Encoding.UTF8.GetBytes(scrapeKey));
    }
}
