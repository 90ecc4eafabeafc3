using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// Accepts a webhook event's turn: stored durably (one insert, a redelivered id is refused) before the platform gets its
/// 200, then run by a <see cref="WebhookInboxWorker"/> of any instance. A failure to store fails the request, so the
/// platform delivers the event again.
/// </summary>
public sealed class WebhookInbox(IWebhookInbox store, WebhookInboxSignal signal, TimeProvider clock)
{
    internal static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>Stores the turn of <paramref name="activity"/> (its id is the platform's event id); false for a redelivery.</summary>
    public async Task<bool> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        var added = await store.AddAsync(new InboxEvent(activity.ChannelId, activity.Id, activity.From.Id, clock.GetUtcNow(),
            JsonConvert.SerializeObject(activity, Json)), cancellationToken);
        if (added)
            signal.Wake(); // this instance at once; the others hear the store's notification
        return added;
    }
}
