namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>
/// The webhook event ids already taken, kept durably so a platform's redelivery (after a slow answer, a restart, or to
/// another replica) runs one turn. Ids are the platforms' message ids, never message text.
/// </summary>
public interface IWebhookEventIds
{
    /// <summary>True the first time <paramref name="eventId"/> of <paramref name="channelId"/> is offered; false for a repeat.</summary>
    Task<bool> TryClaimAsync(string channelId, string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets ids claimed before <paramref name="before"/> (platforms stop redelivering long before).</summary>
    Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
