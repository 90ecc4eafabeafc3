using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Channels.Zalo.Events;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Takes a verified webhook event and stores it in the durable inbox (<see cref="WebhookInbox"/>) — an event id stored
/// before is skipped, Zalo retries a webhook that did not answer 200 in time; a message or a follow opens the user's
/// reply window when its turn runs. A user over the rate limit (<see cref="WebhookSenderLimits"/>) is not answered. The webhook
/// answers once it is stored; the turn runs on any instance, each user's in order.
/// </summary>
public sealed class ZaloInbox(ZaloAdapter adapter, IBot bot, WebhookInbox inbox, WebhookSenderLimits limits, TimeProvider clock, ILogger<ZaloInbox> logger) : IWebhookTurnRunner
{
    public string ChannelId => ZaloMapper.ChannelId;

    /// <summary>Stores the turn of <paramref name="e"/>; false when there is none (ignored event or a repeat).</summary>
    public async Task<bool> AcceptAsync(ZaloWebhookEvent e, CancellationToken cancellationToken)
    {
        var activity = ZaloMapper.ToActivity(e);
        if (activity is null)
            return false;
        if (WebhookAge.IsStale(activity.Timestamp, clock, adapter.Window.Length))
        {
            logger.LogInformation("Zalo event {EventId} older than the reply window: acknowledged, not answered", activity.Id);
            return false;
        }
        if (!limits.TryAcquire(StudentKey.Of(activity)))
        {
            // The event id only: the sender's id is personal data.
            logger.LogWarning("Zalo event {EventId} dropped: its sender is over the rate limit (acknowledged, not answered)", activity.Id);
            return false;
        }
        if (await inbox.AcceptAsync(activity, cancellationToken))
            return true;
        logger.LogInformation("Zalo event {EventId} received again: skipped", activity.Id);
        return false;
    }

    public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        // The window opens when the turn runs, not in the acknowledgement (which writes only the inbox row); the stored
        // event keeps its send time. An unfollow (the user removed) opens none.
        if (activity.MembersRemoved is not { Count: > 0 })
            await adapter.Window.UserWroteAsync(activity.From.Id, activity.Timestamp, cancellationToken);
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
    }
}
