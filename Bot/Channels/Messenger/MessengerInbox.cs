using Microsoft.Bot.Builder;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Takes a verified webhook POST apart: every entry, every messaging event; a message id seen before is
/// skipped (Meta redelivers); each new message opens the user's 24-hour window and is queued behind that
/// user's earlier messages. The webhook answers as soon as this returns; turns run in the background.
/// </summary>
public sealed class MessengerInbox(MessengerAdapter adapter, IBot bot, UserTurnQueue queue, TimeProvider clock, ILogger<MessengerInbox> logger)
{
    private readonly RecentIds seen = new(clock, capacity: 20_000, lifetime: TimeSpan.FromHours(6));

    /// <summary>Queues the turns of <paramref name="webhook"/>; returns how many were queued.</summary>
    public int Accept(MessengerWebhookEvent webhook)
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
                if (!seen.TryAdd(activity.Id))
                {
                    logger.LogInformation("Messenger message {MessageId} received again: skipped", activity.Id);
                    continue;
                }
                var userId = activity.From.Id;
                adapter.Window.UserWrote(userId, activity.Timestamp);
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
