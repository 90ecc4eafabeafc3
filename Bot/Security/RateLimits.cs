using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VssBot.Bot.Security;

/// <summary>How many requests one client address may make per minute. Bound from "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts per address (each account also locks itself after 5 failures: Agents/Auth/AgentSessions).</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>New Direct Line conversations and tokens per address.</summary>
    public int DirectLineStartsPerMinute { get; set; } = 30;

    /// <summary>Direct Line activities and uploads per address.</summary>
    public int DirectLinePostsPerMinute { get; set; } = 120;

    /// <summary>
    /// Webhook events (Messenger, Zalo) one platform user may send per <see cref="WebhookSenderWindow"/>; more are
    /// acknowledged (200, or the platform retries) and dropped without a turn (Channels/Webhooks/WebhookSenderLimits).
    /// </summary>
    public int WebhookEventsPerSender { get; set; } = 30;

    public TimeSpan WebhookSenderWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// ASP.NET Core rate limiting (issue 10, rows 6 and 8), partitioned by client address (the real client behind a trusted
/// proxy: ForwardedHeadersSetup). A refused request gets 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string DirectLineStart = "directline-start";
    public const string DirectLinePost = "directline-post";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.SignInPerMinute > 0 && o.DirectLineStartsPerMinute > 0 && o.DirectLinePostsPerMinute > 0 && o.WebhookEventsPerSender > 0
                && o.WebhookSenderWindow > TimeSpan.Zero, "RateLimits:* must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            PerAddress(limiter, SignIn, limits.Value.SignInPerMinute);
            PerAddress(limiter, DirectLineStart, limits.Value.DirectLineStartsPerMinute);
            PerAddress(limiter, DirectLinePost, limits.Value.DirectLinePostsPerMinute);
        });
        return services;
    }

    private static void PerAddress(RateLimiterOptions limiter, string policy, int perMinute) =>
        limiter.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
