namespace VssBot.Bot.Telemetry;

/// <summary>OpenTelemetry metrics and their Prometheus endpoint. Bound from the "Telemetry" section.</summary>
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
}
