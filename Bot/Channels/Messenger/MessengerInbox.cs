using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Inbox;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Takes a verified webhook POST apart: every entry, every messaging event; each new message is stored in the durable
/// inbox (<see cref="WebhookInbox"/>) — a message id stored before is skipped, Meta redelivers — and opens the user's
/// 24-hour window when its turn runs. A user over the rate limit (<see cref="WebhookSenderLimits"/>) is not answered. The webhook answers
/// once they are stored; the turns run on any instance, each user's in order.
/// </summary>
public sealed class MessengerInbox(MessengerAdapter adapter, IBot bot, WebhookInbox inbox, WebhookSenderLimits limits, TimeProvider clock, ILogger<MessengerInbox> logger)
    : IWebhookTurnRunner
{
    public string ChannelId => MessengerMapper.ChannelId;

    /// <summary>Stores the turns of <paramref name="webhook"/>; returns how many were new.</summary>
    public async Task<int> AcceptAsync(MessengerWebhookEvent webhook, CancellationToken cancellationToken)
    {
        var accepted = 0;
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
                if (!limits.TryAcquire(StudentKey.Of(activity)))
                {
                    // The message id only: the sender's id is personal data.
                    logger.LogWarning("Messenger message {MessageId} dropped: its sender is over the rate limit (acknowledged, not answered)", activity.Id);
                    continue;
                }
                if (await inbox.AcceptAsync(activity, cancellationToken))
                    accepted++;
                else
                    logger.LogInformation("Messenger message {MessageId} received again: skipped", activity.Id);
            }
        return accepted;
    }

    /// <summary>A stored message's turn: typing first (the answer may take a moment), then the bot.</summary>
    public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        // The window opens here rather than in the acknowledgement, which then writes only the inbox row; the stored
        // event keeps the time it was sent, so a turn run late (or after a restart) records the same window.
        await adapter.Window.UserWroteAsync(activity.From.Id, activity.Timestamp, cancellationToken);
        await adapter.ShowTypingAsync(activity.From.Id, cancellationToken);
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
    }
}
