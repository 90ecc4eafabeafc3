using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>How the outbox worker paces itself. Bound from the "DeclarationOutbox" section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "DeclarationOutbox";

    /// <summary>How often pending declarations are looked for when nothing new was recorded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failed delivery; doubled after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a sent declaration waits for the student's profile to show it (the confirming turn still saving) before the follow-up gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan JourneyWait { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a worker holds the rows it claimed (a batch's deliveries and follow-ups). Rows of a worker that died come
    /// back after it; it must outlast a batch, or another instance could deliver the same row again (harmless for the
    /// registry, which keeps one record per idempotency key, but the student could be told twice).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
