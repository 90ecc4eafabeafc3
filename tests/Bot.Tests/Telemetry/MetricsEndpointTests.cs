using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Telemetry;

/// <summary>Issue 13: OpenTelemetry metrics at the Prometheus endpoint after a whole form, without personal data.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task After_a_declaration_the_prometheus_endpoint_shows_turns_latency_declarations_and_the_funnel_but_nothing_personal()
    {
        using var factory = new VssBotFactory(null, new Dictionary<string, string?> { ["Telemetry:ScrapeKey"] = "scrape-key-of-the-school" });
        var client = factory.CreateClient();
        var replies = await HappyPath.DeclareAsync(line => client.ReplyTextsAsync("metrics-1", line, userId: "metrics-1"));
        Assert.Contains(replies, r => r.Contains("Mã biên nhận", StringComparison.Ordinal));

        var text = await client.GetStringAsync("/metrics");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "metrics-after-a-declaration.txt"), text); // to read, as a scrape shows it

        Assert.Matches(@"vssbot_turns_total\{[^}]*channel=""emulator""[^}]*\} (\d+)", text);
        // At least: the exporter listens to every "VssBot" meter of the process, so hosts of other tests running at once add theirs.
        Assert.Matches(@"vssbot_turn_duration_seconds_count\{[^}]*channel=""emulator""\} (19|[2-9]\d|\d{3,})", text); // 18 answers and "ghi nhan"
        Assert.Matches(@"vssbot_declarations_total\{[^}]*outcome=""recorded""\} [1-9]", text);
        foreach (var state in new[] { "Installed", "Declaring", "Declared" })
            Assert.Matches($@"vssbot_journey_transitions_total\{{[^}}]*state=""{state}""\}} [1-9]", text);
        Assert.Contains("vssbot_outbox_depth", text);
        foreach (var personal in new[] { "Phạm", "Ph\\u1ea1m", "0912", "036303012345", "0113099841", "ha.pham", "metrics-1" })
            Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task Tag_combinations_past_the_limit_are_counted_under_overflow()
    {
        // Each metric stream keeps at most MetricPointsPerStream combinations (OpenTelemetry preallocates a point for
        // each, 2,000 by default: 4.8 MB of heap for the bot's streams, issue 12). Past it nothing is lost.
        using var factory = new VssBotFactory();
        var client = factory.CreateClient();
        var metrics = factory.Services.GetRequiredService<VssBot.Bot.Telemetry.VssBotMetrics>();
        var reasons = VssBot.Bot.Telemetry.TelemetryServiceCollectionExtensions.MetricPointsPerStream + 100;
        for (var i = 0; i < reasons; i++)
            metrics.Escalation($"limit-test-{i}");

        var lines = (await client.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("vssbot_escalations_total{", StringComparison.Ordinal)).ToList();
        var overflow = Assert.Single(lines, l => l.Contains("otel_metric_overflow=\"true\"", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.Contains("limit-test-", StringComparison.Ordinal)) < reasons);
        var counted = lines.Where(l => l.Contains("limit-test-", StringComparison.Ordinal) || l == overflow).Sum(l => long.Parse(l.Split(' ')[1]));
        Assert.True(counted >= reasons, $"{counted} of {reasons} escalations counted");
    }

    [Fact]
    public async Task Another_address_needs_the_scrape_key()
    {
        using var factory = new VssBotFactory(null, new Dictionary<string, string?> { ["Telemetry:ScrapeKey"] = "scrape-key-of-the-school" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(VssBotFactory.RemoteAddressHeader, "203.0.113.7");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "scrape-key-of-the-school");
        var scraped = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync());
    }
}
