namespace VssBot.Dialogs.Journey;

/// <summary>The persisted journey of one student (stored in user state between turns and days).</summary>
public sealed class JourneyRecord
{
    public JourneyState State { get; set; } = JourneyState.NotStarted;
    /// <summary>Where to return when a person hands the student back to the bot.</summary>
    public JourneyState? StateBeforePerson { get; set; }
    public DateTimeOffset? DeclaredAt { get; set; }
    /// <summary>How many declarations this student has confirmed (1 for the first; a redeclaration after expiry is 2…).</summary>
    public int DeclarationNumber { get; set; }
    /// <summary>The receipt of the latest recorded declaration, when the host records declarations.</summary>
    public string? ReceiptNumber { get; set; }
    /// <summary>When the student said they handed the paper in at the office.</summary>
    public DateTimeOffset? OfficeVisitReportedAt { get; set; }
    /// <summary>Countdown reminders already sent for the current declaration (days after declaring).</summary>
    public List<int> RemindersSent { get; set; } = [];
    public List<JourneyEvent> History { get; set; } = [];
}

public sealed record JourneyEvent(JourneyState From, JourneyState To, JourneyTrigger Trigger, DateTimeOffset At);
