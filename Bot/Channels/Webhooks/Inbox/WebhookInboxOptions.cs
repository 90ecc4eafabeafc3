using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>How this instance works through the durable webhook inbox. Bound from the "WebhookInbox" section.</summary>
public sealed class WebhookInboxOptions
{
    public const string SectionName = "WebhookInbox";

    /// <summary>Turns this instance runs at once (different users; one user's turns always run one after the other).</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 8;

    /// <summary>How long a claimed event stays with this instance without a renewal (renewed every third of it while its turn runs).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Looks for work this often even without a wake-up (another replica's events, expired leases).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An event claimed this many times without completing (it keeps killing its instance) is set aside unanswered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}
