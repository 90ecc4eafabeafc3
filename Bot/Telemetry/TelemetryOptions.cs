namespace VssBot.Bot.Telemetry;

/// <summary>OpenTelemetry metrics and their Prometheus endpoint, and traces over OTLP. Bound from the "Telemetry" section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Serve the Prometheus text format (the metrics hold counts by channel and state, no personal data).</summary>
    public bool PrometheusEnabled { get; set; } = true;

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// Empty: only loopback callers (a sidecar, <c>curl localhost</c>) may scrape. Set: other callers send
    /// <c>Authorization: Bearer {ScrapeKey}</c> (Prometheus <c>authorization.credentials</c>).
    /// </summary>
    public string? ScrapeKey { get; set; }

    /// <summary>
    /// Where traces go over OTLP (<c>http://otel-collector:4317</c>): turns, declaration deliveries, ASP.NET Core requests and
    /// HttpClient calls. Empty (the default) with no standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> either: no traces are exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The standard variable the OTLP exporter reads when <see cref="OtlpEndpoint"/> is empty.</summary>
    public const string StandardOtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
