namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// One accepted webhook event: the platform's event id, the user whose turns it belongs to, and its Activity (JSON;
/// personal data — the stores keep it encrypted). <see cref="Attempts"/> counts the claims so far (set by a claim); it is
/// also the claim's fencing token: only the event's latest claim may renew, release or complete it.
/// </summary>
public sealed record InboxEvent(string ChannelId, string EventId, string UserId, DateTimeOffset ReceivedAt, string Activity, int Attempts = 0);

/// <summary>
/// The durable webhook inbox (Messenger, Zalo): an event is stored before the platform gets its 200 and run later by any
/// instance's <see cref="WebhookInboxWorker"/>, one event per user at a time, in the order received. A claim is a lease:
/// if the instance dies, the event is claimed again once the lease runs out. The body is erased once processed; the id is
/// kept (platforms redeliver) until <see cref="PruneAsync"/>.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Stores <paramref name="e"/> (one insert); false when its id was accepted before (a redelivery).</summary>
    Task<bool> AddAsync(InboxEvent e, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="limit"/> events of <paramref name="channelIds"/> until <paramref name="leaseUntil"/>:
    /// for each user at most their oldest unprocessed event, and only when it is not leased to someone else.
    /// </summary>
    Task<IReadOnlyList<InboxEvent>> ClaimAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of an event still being run by <paramref name="claimed"/>. False when that claim is no longer the
    /// event's (its lease ran out and another worker claimed it, or it was processed): the turn must stop, sending nothing more.
    /// </summary>
    Task<bool> RenewAsync(InboxEvent claimed, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Gives a claimed event back unprocessed (the instance stops): the next claim takes it at once. False when the claim was not the latest.</summary>
    Task<bool> ReleaseAsync(InboxEvent claimed, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the event processed and erases its body; the user's next event becomes claimable. False (and nothing changed)
    /// when <paramref name="claimed"/> is not the event's latest claim.
    /// </summary>
    Task<bool> CompleteAsync(InboxEvent claimed, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How many events are not processed yet (leased or not).</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the ids of events processed before <paramref name="before"/>; unprocessed events are never pruned.</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Runs one stored event's turn on its channel (the channel's inbox: Messenger, Zalo).</summary>
public interface IWebhookTurnRunner
{
    string ChannelId { get; }

    Task RunAsync(Microsoft.Bot.Schema.Activity activity, CancellationToken cancellationToken);
}
