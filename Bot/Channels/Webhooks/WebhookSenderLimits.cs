using VssBot.Dialogs.Conversation;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VssBot.Bot.Security;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// Webhook events per platform user (Messenger PSID, Zalo user id): ASP.NET Core's rate limiters partitioned by sender,
/// because one POST carries events of many users and the platform's address says nothing about who wrote. The endpoint
/// cannot answer 429 (the platform would retry, or disable the webhook): an event over the limit is acknowledged and
/// dropped without a turn. <see cref="RateLimitOptions.WebhookEventsPerSender"/> per <see cref="RateLimitOptions.WebhookSenderWindow"/>.
/// </summary>
public sealed class WebhookSenderLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public WebhookSenderLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(sender => RateLimitPartition.GetFixedWindowLimiter(sender,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.WebhookEventsPerSender, Window = limits.WebhookSenderWindow, QueueLimit = 0 }));
    }

    /// <summary>True when <paramref name="sender"/> may have one more event handled now.</summary>
    public bool TryAcquire(StudentKey sender)
    {
        using var lease = limiter.AttemptAcquire(sender.ToString());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
