using Microsoft.Bot.Builder;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Takes a verified webhook POST apart: every entry, every messaging event; a message id claimed before (durably, see
/// <see cref="IWebhookEventIds"/>) is skipped — Meta redelivers; each new message opens the user's 24-hour window and is
/// queued behind that user's earlier messages. A user over the rate limit (<see cref="WebhookSenderLimits"/>) is not
/// answered. The webhook answers as soon as this returns; turns run in the background.
/// </summary>
public sealed class MessengerInbox(MessengerAdapter adapter, IBot bot, UserTurnQueue queue, IWebhookEventIds seen, WebhookSenderLimits limits,
    TimeProvider clock, ILogger<MessengerInbox> logger)
{
    /// <summary>Queues the turns of <paramref name="webhook"/>; returns how many were queued.</summary>
    public async Task<int> AcceptAsync(MessengerWebhookEvent webhook, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var entry in (webhook.Entry ?? []).OfType<MessengerEntry>())
            foreach (var messaging in (entry.Messaging ?? []).OfType<MessengerMessaging>())
            {
                var activity = MessengerMapper.ToActivity(messaging, entry.Id);
                if (activity is null)
                    continue;
                if (WebhookAge.IsStale(activity.Timestamp, clock, adapter.Window.Length))
                {
                    logger.LogInformation("Messenger message {MessageId} older than the reply window: acknowledged, not answered", activity.Id);
                    continue;
                }
                if (!limits.TryAcquire(MessengerMapper.ChannelId, activity.From.Id))
                {
                    // The message id only: the sender's id is personal data.
                    logger.LogWarning("Messenger message {MessageId} dropped: its sender is over the rate limit (acknowledged, not answered)", activity.Id);
                    continue;
                }
                if (!await seen.TryClaimAsync(MessengerMapper.ChannelId, activity.Id, clock.GetUtcNow(), cancellationToken))
                {
                    logger.LogInformation("Messenger message {MessageId} received again: skipped", activity.Id);
                    continue;
                }
                var userId = activity.From.Id;
                await adapter.Window.UserWroteAsync(userId, activity.Timestamp, cancellationToken);
                if (queue.Enqueue($"{MessengerMapper.ChannelId}/{userId}", async ct =>
                    {
                        await adapter.ShowTypingAsync(userId, ct);
                        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, ct);
                    }))
                    queued++;
            }
        return queued;
    }
}
