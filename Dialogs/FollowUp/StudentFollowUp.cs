using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.FollowUp;

/// <summary>The office's decision on a declaration, as the registry records it.</summary>
public enum OfficeDecision { ReceivedAtOffice, Approved, Rejected }

/// <summary>
/// What one event did to the student's profile and what to tell them. <see cref="Changed"/> false: nothing to save or
/// send; <see cref="Waiting"/> true: the profile is not there yet (the student's own "Ghi nhận" turn has not saved it),
/// ask again later.
/// </summary>
public sealed record FollowUpStep(bool Changed, bool Waiting, string Outcome, IReadOnlyList<IMessageActivity> Messages)
{
    public static FollowUpStep Unchanged(string outcome) => new(false, false, outcome, []);
    public static FollowUpStep WaitFor(string reason) => new(false, true, "waiting: " + reason, []);
}

/// <summary>
/// What happens after "Ghi nhận", as functions of the student's profile and an event: the registry accepted the
/// declaration, the office decided, the countdown ticked, a person took over or handed back. Each moves the journey on
/// the profile it is given and returns the messages to send; the host runs it inside a proactive turn of the student's
/// conversation, where the profile is loaded and saved like in any turn. No storage, no channels.
/// </summary>
public sealed class StudentFollowUp(BotTexts texts, CampaignSettings campaign, DeclarationNextSteps nextSteps, DeadlineReminders reminders, TimeProvider clock)
{
    /// <summary>The registry accepted declaration <paramref name="receiptNumber"/>: Submitted, then WaitingForOfficeVisit, and "📨 … đã được gửi".</summary>
    public FollowUpStep Accepted(StudentProfile profile, string receiptNumber)
    {
        if (profile.Journey.ReceiptNumber is null) return FollowUpStep.WaitFor("no profile yet");
        if (profile.Journey.ReceiptNumber != receiptNumber) return FollowUpStep.WaitFor("the profile does not show this receipt yet");

        var journey = new StudentJourney(profile.Journey, clock);
        var submitted = journey.TryFire(JourneyTrigger.DeclarationSubmitted);
        var instructed = journey.TryFire(JourneyTrigger.InstructionsSent);
        if (!submitted && !instructed) return FollowUpStep.Unchanged($"unchanged ({journey.State})");

        var form = Form01Declaration.From(profile.Form);
        var text = texts.Format(form.ByPost ? "decl.submitted_post" : "decl.submitted_office",
            ("receipt", receiptNumber),
            ("school", string.IsNullOrWhiteSpace(campaign.SchoolName) ? "" : texts.Format("decl.school", ("school", campaign.SchoolName))),
            ("office", form.Office?.Name ?? ""),
            ("deadline", DateFieldReader.Display(nextSteps.Deadline(profile.Journey.DeclaredAt ?? clock.GetUtcNow()))));
        return new FollowUpStep(true, false, $"{(submitted ? "submitted, " : "")}{journey.State}", [MessageFactory.Text(text)]);
    }

    /// <summary>The office received, approved or rejected declaration <paramref name="receiptNumber"/>; only the student's current declaration counts.</summary>
    public FollowUpStep Decided(StudentProfile profile, string receiptNumber, OfficeDecision decision, string? reason)
    {
        if (profile.Journey.ReceiptNumber != receiptNumber) return FollowUpStep.Unchanged("not the current declaration");
        var journey = new StudentJourney(profile.Journey, clock);
        IMessageActivity? message = decision switch
        {
            OfficeDecision.ReceivedAtOffice when profile.Journey.State is JourneyState.Submitted or JourneyState.WaitingForOfficeVisit
                => Received(),
            OfficeDecision.Approved when journey.TryFire(JourneyTrigger.AccountReceived)
                => MessageFactory.Text(texts.Format("decl.approved", ("receipt", receiptNumber))),
            OfficeDecision.Rejected when journey.TryFire(JourneyTrigger.DeclarationRejected)
                => WithRedeclare(texts.Format("decl.rejected", ("receipt", receiptNumber), ("reason", reason ?? ""))),
            _ => null,
        };
        return message is null ? FollowUpStep.Unchanged($"unchanged ({journey.State})") : new FollowUpStep(true, false, journey.State.ToString(), [message]);

        IMessageActivity Received()
        {
            profile.Journey.OfficeVisitReportedAt ??= clock.GetUtcNow();
            return MessageFactory.Text(texts.Format("decl.received", ("receipt", receiptNumber)));
        }
    }

    /// <summary>The 10-day countdown: the reminder due today (day 7, day 9), or the expiry with the offer to declare again.</summary>
    public FollowUpStep Countdown(StudentProfile profile)
    {
        if (reminders.TakeDue(profile.Journey, profile, clock.GetUtcNow(), clock) is not { } due) return FollowUpStep.Unchanged("nothing due");
        var message = due.Expires ? WithRedeclare(due.Text) : MessageFactory.Text(due.Text);
        return new FollowUpStep(true, false, due.Expires ? "expired" : $"day {due.Day}", [message]);
    }

    /// <summary>A hotline agent takes over: the bot stays silent (the agent's own notice is theirs to send).</summary>
    public FollowUpStep TakenOver(StudentProfile profile)
        => new StudentJourney(profile.Journey, clock).TryFire(JourneyTrigger.AskForPerson)
            ? new FollowUpStep(true, false, nameof(JourneyState.WithPerson), [])
            : FollowUpStep.Unchanged($"unchanged ({profile.Journey.State})");

    /// <summary>The agent hands the student back to the bot, to where they were.</summary>
    public bool HandedBack(StudentProfile profile) => new StudentJourney(profile.Journey, clock).TryFire(JourneyTrigger.ReturnToBot);

    private IMessageActivity WithRedeclare(string text)
    {
        var message = MessageFactory.Text(text);
        message.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, texts["conv.redeclare"], value: texts["conv.redeclare"])] };
        return message;
    }
}
