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
}
