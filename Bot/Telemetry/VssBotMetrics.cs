using System.Diagnostics.Metrics;

namespace VssBot.Bot.Telemetry;

/// <summary>
/// The bot's own metrics (meter "VssBot"), exported by OpenTelemetry (Prometheus: <see cref="TelemetryOptions"/>). Counters and
/// histograms only on the turn's path; labels are channels, states and reasons, never anything about a student.
/// </summary>
public sealed class VssBotMetrics : IDisposable
{
    public const string MeterName = "VssBot";

    private readonly Meter meter;
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> turnErrors;
    private readonly Counter<long> declarations;
    private readonly Counter<long> escalations;
    private readonly Counter<long> journey;
    private long outboxDepth = -1;

    public VssBotMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("vssbot.turns", "{turn}", "Turns by channel and activity type.");
        turnDuration = meter.CreateHistogram<double>("vssbot.turn.duration", "s", "How long a turn took, by channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] });
        turnErrors = meter.CreateCounter<long>("vssbot.turn.errors", "{turn}", "Turns that failed, by channel.");
        declarations = meter.CreateCounter<long>("vssbot.declarations", "{declaration}",
            "Declarations by outcome: recorded (\"Ghi nhận\"), delivered (accepted by the registry), failed (a delivery attempt failed), invalid (refused for good).");
        escalations = meter.CreateCounter<long>("vssbot.escalations", "{escalation}", "Escalations to a person, by reason.");
        journey = meter.CreateCounter<long>("vssbot.journey.transitions", "{transition}",
            "Students reaching a journey state (the completion funnel: Installed, Declaring, Declared, Submitted, … LoggedIn).");
        meter.CreateObservableGauge<long>("vssbot.outbox.depth", () => outboxDepth < 0 ? [] : [new Measurement<long>(Interlocked.Read(ref outboxDepth))], "{declaration}",
            "Declarations waiting in the outbox for the registry (sampled by the outbox worker).");
    }

    public void Turn(string channel, string activityType, TimeSpan elapsed, bool failed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        turns.Add(1, channelTag, new("activity_type", activityType));
        turnDuration.Record(elapsed.TotalSeconds, channelTag);
        if (failed) turnErrors.Add(1, channelTag);
    }

    public void Declaration(string outcome) => declarations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Escalation(string reason) => escalations.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void JourneyReached(string state) => journey.Add(1, new KeyValuePair<string, object?>("state", state));

    public void OutboxDepth(int depth) => Interlocked.Exchange(ref outboxDepth, depth);

    public void Dispose() => meter.Dispose();
}
