using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Reminders;
using VssBot.Bot.Turns;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.FollowUp;

namespace VssBot.Bot.Declarations.Reminders;

/// <summary>
/// The 10-day countdown, run by the clock: every <see cref="ReminderOptions.Interval"/> each student who declared in the
/// window is checked for a due reminder (day 7, day 9). A reminder is a promise kept or reported: the
/// <see cref="ReminderRouter"/> tries the student's chat (inside its window), a platform template, email; only when one of
/// them delivered is the day marked as reminded on the student's journey, otherwise the ledger lists it for the school's
/// "cần gọi điện" and the next round tries again. On day 10 the journey expires and the student is offered to declare
/// again (<see cref="StudentFollowUp.Countdown"/>, on their chat).
/// </summary>
public sealed class DeadlineReminderWorker(
    IDeclarationOutbox outbox,
    IStudentMessenger messenger,
    StudentFollowUp followUp,
    DeadlineReminders reminders,
    ReminderRouter router,
    CampaignSettings campaign,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    ILogger<DeadlineReminderWorker> logger,
    IPrintableFormLinks? printLinks = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Countdown reminders failed this round: {Error}", ExceptionSummary.Describe(e, withStack: false));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: returns how many students were told something (by any route).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-(campaign.OfficeVisitDays + 2));
        var latest = (await outbox.RecordedSinceAsync(since, options.Value.BatchSize, cancellationToken))
            .GroupBy(i => i.StudentKey).Select(g => g.OrderBy(i => i.RecordedAt).Last());
        var told = 0;
        foreach (var item in latest)
            if (await RemindAsync(item, cancellationToken))
                told++;
        return told;
    }

    private async Task<bool> RemindAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var reference = item.Conversation;
        // Look first, change nothing: what is due, and what a template or an email needs.
        DueReminder? due = null;
        ReminderNotice? notice = null;
        await messenger.ContinueWithProfileAsync(reference, profile =>
        {
            due = reminders.Peek(profile.Journey, profile, clock.GetUtcNow());
            if (due is { Expires: false })
                notice = Notice(reference, profile, due);
            return FollowUpStep.Unchanged("looked");
        }, cancellationToken);
        if (due is null)
            return false;

        if (due.Expires)
        {
            var expired = await messenger.ContinueWithProfileAsync(reference, followUp.Countdown, cancellationToken);
            if (expired.Step is { Changed: true } && !expired.Delivery.IsDelivered)
                logger.LogWarning("Countdown: the expiry notice for {ChannelId} was not delivered: {Result}", reference.ChannelId, expired.Delivery);
            return expired.Delivery.IsDelivered && expired.Step is { Changed: true };
        }

        var routed = await router.DeliverAsync(notice!, cancellationToken);
        if (!routed.Delivered)
            return false;
        await messenger.ContinueWithProfileAsync(reference, profile =>
        {
            reminders.MarkSent(profile.Journey, due.Day);
            return new FollowUpStep(true, false, $"day {due.Day} reminded by {routed.DeliveredBy}", []);
        }, cancellationToken);
        return true;
    }

    private ReminderNotice Notice(Microsoft.Bot.Schema.ConversationReference reference, StudentProfile profile, DueReminder due)
    {
        var key = StudentKey.Of(reference);
        var journey = profile.Journey;
        var email = profile.EmailReminders == true ? profile.Form.Get("email")?.Value : null;
        return new ReminderNotice(key.ToString(), reference, $"countdown/{journey.ReceiptNumber ?? journey.DeclarationNumber.ToString()}/day{due.Day}",
            due.Text, due.Deadline, due.DaysLeft, due.Office, printLinks?.LinkFor(key, journey.DeclarationNumber, journey.ReceiptNumber), email);
    }
}

public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    public int BatchSize { get; set; } = 5000;
}
