using Microsoft.Bot.Builder;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Channels.Zalo.Events;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Takes a verified webhook event: an event id claimed before (durably, see <see cref="IWebhookEventIds"/>) is skipped —
/// Zalo retries a webhook that did not answer 200 in time; a message or a follow opens the user's reply window and is
/// queued behind that user's earlier events. A user over the rate limit (<see cref="WebhookSenderLimits"/>) is not
/// answered. The webhook answers as soon as this returns; turns run in the background.
/// </summary>
public sealed class ZaloInbox(ZaloAdapter adapter, IBot bot, UserTurnQueue queue, IWebhookEventIds seen, WebhookSenderLimits limits,
    TimeProvider clock, ILogger<ZaloInbox> logger)
{
    /// <summary>Queues the turn of <paramref name="e"/>; false when there is none (ignored event or a repeat).</summary>
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
        if (!limits.TryAcquire(ZaloMapper.ChannelId, activity.From.Id))
        {
            // The event id only: the sender's id is personal data.
            logger.LogWarning("Zalo event {EventId} dropped: its sender is over the rate limit (acknowledged, not answered)", activity.Id);
            return false;
        }
        if (!await seen.TryClaimAsync(ZaloMapper.ChannelId, activity.Id, clock.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("Zalo event {EventId} received again: skipped", activity.Id);
            return false;
        }
        var userId = activity.From.Id;
        if (e.EventName != ZaloWebhookEvent.Unfollow)
            await adapter.Window.UserWroteAsync(userId, activity.Timestamp, cancellationToken);
        return queue.Enqueue($"{ZaloMapper.ChannelId}/{userId}", ct => adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, ct));
    }
}
