using System.Diagnostics;

namespace VssBot.Bot.Telemetry;

/// <summary>
/// The bot's spans: one per turn ("turn") and one per delivery attempt of a declaration ("declaration.deliver"). Tags name
/// channels, activity types, journey states, question keys and outcomes — never a student, a value they typed, an id or a
/// receipt. Without a listener (no exporter configured) starting a span costs a null check.
/// </summary>
public static class VssBotTracing
{
    public const string SourceName = "VssBot";

    public static readonly ActivitySource Source = new(SourceName);

    public const string Channel = "vssbot.channel";
    public const string ActivityType = "vssbot.activity.type";
    public const string JourneyState = "vssbot.journey.state";
    public const string DialogStep = "vssbot.dialog.step";
    public const string Attempt = "vssbot.declaration.attempt";
    public const string Outcome = "vssbot.declaration.outcome";
}
