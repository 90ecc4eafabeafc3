using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Turns;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Declarations.Reminders;

/// <summary>
/// The 10-day countdown, run by the clock: every <see cref="ReminderOptions.Interval"/> each student who declared in the
/// window gets what <see cref="DeadlineReminders"/> says is due (day 7, day 9; on day 10 the journey expires and the
/// student is offered to declare again), in a proactive turn of their own conversation on the channel they used.
/// </summary>
public sealed class DeadlineReminderWorker(
    IDeclarationOutbox outbox,
    ChannelAdapters channels,
    UserState userState,
    StudentBot bot,
    DeadlineReminders reminders,
    CampaignSettings campaign,
    BotTexts texts,
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
            if (!channels.CanReach(item.Conversation)) continue;
            var sent = false;
            var undelivered = await channels.ContinueConversationAsync(item.Conversation, async (turnContext, ct) =>
            {
                var profile = await bot.Profiles.GetAsync(turnContext, () => new StudentProfile(), ct);
                if (reminders.TakeDue(profile.Journey, profile, clock.GetUtcNow(), clock) is not { } due) return;
                var message = MessageFactory.Text(due.Text);
                if (due.Expires)
                    message.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, texts["conv.redeclare"], value: texts["conv.redeclare"])] };
                await turnContext.SendActivityAsync(message, ct);
                await userState.SaveChangesAsync(turnContext, false, ct);
                sent = true;
            }, cancellationToken);
            if (!sent) continue;
            // Undelivered (channel down, reply window closed): the reminder counts as given, as in the channel's own record.
            if (undelivered is not null)
                logger.LogWarning("Countdown: message for {ChannelId} not delivered: {Reason}", item.Conversation.ChannelId, undelivered);
            else
                told++;
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
