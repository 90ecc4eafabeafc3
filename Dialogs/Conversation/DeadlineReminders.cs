using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation;

/// <summary>What the countdown has to say to one student today.</summary>
public sealed record DueReminder(int Day, string Text, bool Expires)
{
    public DateOnly? Deadline { get; init; }
    public int DaysLeft { get; init; }
    public string Office { get; init; } = "";
}

/// <summary>
/// The 10-day countdown after "Ghi nhận": a reminder on day 7 and on day 9 while the paper has not reached the office,
/// and on the day after the deadline the journey expires and the student is offered to declare again with the saved
/// answers. Pure: the host's scheduler asks it with its own clock and sends what it returns through the student's channel.
/// </summary>
public sealed class DeadlineReminders(BotTexts texts, CampaignSettings campaign, DeclarationNextSteps nextSteps)
{
    /// <summary>Reminder days, counted from the declaration day (day 0), for the default 10-day window: 7 and 9.</summary>
    public IReadOnlyList<int> ReminderDays => [campaign.OfficeVisitDays - 3, campaign.OfficeVisitDays - 1];

    /// <summary>The reminder due now, if any; marks it sent (and expires the journey) on the record the caller saves.</summary>
    public DueReminder? TakeDue(JourneyRecord record, StudentProfile profile, DateTimeOffset now, TimeProvider clock)
    {
        var due = Peek(record, profile, now);
        if (due is null) return null;
        if (due.Expires) new StudentJourney(record, clock).TryFire(JourneyTrigger.DeadlinePassed);
        else MarkSent(record, due.Day);
        return due;
    }

    /// <summary>
    /// The reminder due now, changing nothing: the host first tries to deliver it (chat, template, email) and marks it
    /// sent (<see cref="MarkSent"/>) only once a route took it — a reminder is a promise kept or reported, never assumed.
    /// </summary>
    public DueReminder? Peek(JourneyRecord record, StudentProfile profile, DateTimeOffset now)
    {
        if (record.State is not (JourneyState.Declared or JourneyState.Submitted or JourneyState.WaitingForOfficeVisit)) return null;
        if (record.DeclaredAt is not { } declaredAt) return null;
        var declaredOn = DateOnly.FromDateTime(declaredAt.ToOffset(StudentSession.VietnamOffset).DateTime);
        var today = DateOnly.FromDateTime(now.ToOffset(StudentSession.VietnamOffset).DateTime);
        var day = today.DayNumber - declaredOn.DayNumber;
        var deadline = nextSteps.Deadline(declaredAt);

        if (today > deadline)
            return new DueReminder(day, texts["conv.expired"], Expires: true) { Deadline = deadline };
        // A student who said they handed the paper in is not nagged.
        if (record.OfficeVisitReportedAt is not null) return null;
        var due = ReminderDays.Where(d => d <= day && !record.RemindersSent.Contains(d)).DefaultIfEmpty(-1).Max();
        if (due < 0) return null;
        var office = Form01.Form01Declaration.From(profile.Form).Office?.Name ?? "";
        var daysLeft = deadline.DayNumber - today.DayNumber + 1;
        return new DueReminder(due, texts.Format("conv.reminder", ("daysLeft", daysLeft),
            ("deadline", Form01.Fields.DateFieldReader.Display(deadline)), ("office", office)), Expires: false)
        {
            Deadline = deadline, DaysLeft = daysLeft, Office = office,
        };
    }

    /// <summary>Marks <paramref name="day"/> (and any earlier reminder day it stands for) as given.</summary>
    public void MarkSent(JourneyRecord record, int day)
    {
        foreach (var d in ReminderDays.Where(d => d <= day))
            if (!record.RemindersSent.Contains(d)) record.RemindersSent.Add(d);
    }
}
