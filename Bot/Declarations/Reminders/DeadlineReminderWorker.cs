using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Turns;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.FollowUp;

namespace VssBot.Bot.Declarations.Reminders;

/// <summary>
/// The 10-day countdown, run by the clock: every <see cref="ReminderOptions.Interval"/> each student who declared in the
/// window gets what <see cref="StudentFollowUp.Countdown"/> says is due (day 7, day 9; on day 10 the journey expires and
/// the student is offered to declare again), in a proactive turn of their own conversation on the channel they used.
/// </summary>
public sealed class DeadlineReminderWorker(
    IDeclarationOutbox outbox,
    IStudentMessenger messenger,
    StudentFollowUp followUp,
    CampaignSettings campaign,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    ILogger<DeadlineReminderWorker> logger) : BackgroundService
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

    /// <summary>One round: returns how many students were told something.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-(campaign.OfficeVisitDays + 2));
        var latest = (await outbox.RecordedSinceAsync(since, options.Value.BatchSize, cancellationToken))
            .GroupBy(i => i.StudentKey).Select(g => g.OrderBy(i => i.RecordedAt).Last());
        var told = 0;
        foreach (var item in latest)
        {
            var result = await messenger.ContinueWithProfileAsync(item.Conversation, followUp.Countdown, cancellationToken);
            if (result.Step is not { Changed: true }) continue;
            // Undelivered (channel down, reply window closed): the reminder counts as given, as in the channel's own record.
            if (result.Delivery.IsDelivered)
                told++;
            else
                logger.LogWarning("Countdown: message for {ChannelId} not delivered: {Result}", item.Conversation.ChannelId, result.Delivery);
        }
        return told;
    }
}

public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    public int BatchSize { get; set; } = 5000;
}
