using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using VssBot.Bot.Telemetry;
using VssBot.Bot.Tests.Channels.BotFramework;
using VssBot.Bot.Tests.Declarations;

namespace VssBot.Bot.Tests.Telemetry;

/// <summary>Issue 13: a span per turn and per declaration delivery, tagged with where the student is, never who.</summary>
public sealed class TracingTests : IDisposable
{
    private readonly string databasePath = VssBotFactory.NewDatabasePath();
    private readonly ConcurrentQueue<Activity> spans = new();
    private readonly ActivityListener listener;

    public TracingTests()
    {
        // Process-wide: spans of hosts in other tests running at once arrive too; every one of them must be clean as well.
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VssBotTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose()
    {
        listener.Dispose();
        DeclarationHosts.DeleteDatabase(databasePath);
    }

    [Fact]
    public async Task Each_turn_and_the_delivery_are_spans_with_channel_step_and_outcome_and_nothing_personal()
    {
        using var bot = DeclarationHosts.Embedded(databasePath);
        var client = bot.CreateClient();
        const string student = "trace-student-4711";

        // Up to the ID number: the next question is the address.
        foreach (var line in HappyPath.ToSummary.Take(6))
            await client.ReplyTextsAsync(student, line, userId: student);
        Assert.Contains(spans, s => s.OperationName == "turn" && (string?)s.GetTagItem(VssBotTracing.Channel) == "emulator"
            && (string?)s.GetTagItem(VssBotTracing.ActivityType) == "message"
            && (string?)s.GetTagItem(VssBotTracing.JourneyState) == "Declaring" && (string?)s.GetTagItem(VssBotTracing.DialogStep) == "address");

        foreach (var line in HappyPath.ToSummary.Skip(6))
            await client.ReplyTextsAsync(student, line, userId: student);
        await client.ReplyTextsAsync(student, HappyPath.Confirm, userId: student);
        Assert.Contains(spans, s => s.OperationName == "turn" && (string?)s.GetTagItem(VssBotTracing.JourneyState) == "Declared");
        await DeclarationHosts.EventuallyAsync(() => Task.FromResult(spans.Any(s => s.OperationName == "declaration.deliver"
            && (string?)s.GetTagItem(VssBotTracing.Outcome) == "delivered" && s.GetTagItem(VssBotTracing.Attempt) is int)), "the delivery span");

        var personal = new[] { "Phạm", "Thu Hà", "0113099841", "036", "ha.pham", "0912", "345 678", "tran hung dao", student, "VSS-" };
        foreach (var span in spans.Where(s => s.OperationName is "turn" or "declaration.deliver"))
        {
            foreach (var (key, value) in span.TagObjects)
                Assert.DoesNotContain(personal, p => (value?.ToString() ?? "").Contains(p, StringComparison.OrdinalIgnoreCase) || key.Contains(p, StringComparison.Ordinal));
            Assert.DoesNotContain(personal, p => span.DisplayName.Contains(p, StringComparison.OrdinalIgnoreCase));
            Assert.Empty(span.Baggage);
        }
    }

    [Fact]
    public void Traces_are_exported_only_when_configuration_names_a_collector()
    {
        using var off = new VssBotFactory();
        Assert.Null(off.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));

        // Read while the services are registered: given the way a deployment gives it (host settings, environment).
        using var on = off.WithWebHostBuilder(b => b.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317"));
        Assert.NotNull(on.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));

        using var standard = off.WithWebHostBuilder(b => b.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"));
        Assert.NotNull(standard.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
    }
}
