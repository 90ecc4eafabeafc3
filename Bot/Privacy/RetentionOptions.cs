using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Privacy;

/// <summary>How long the bot keeps a student's conversation and profile after their last update. Bound from "Retention".</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Conversation state and student profiles not updated for this many days are deleted.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>How often the sweep runs (also once at start-up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
