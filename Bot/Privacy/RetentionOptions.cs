using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Privacy;

/// <summary>How long the bot keeps a student's data after it was last touched. Bound from "Retention".</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Data not touched for this many days is deleted: conversation state, profiles, chats, uploads, delivered declarations.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>
    /// Days for one store instead of <see cref="Days"/>, by its name: <c>state</c>, <c>directline</c>, <c>outbox</c>,
    /// <c>directory</c> (console directory and transcripts), <c>reply-windows</c>, <c>reminders</c> (the reminder ledger). E.g. <c>Retention:Stores:outbox = 30</c>.
    /// </summary>
    public Dictionary<string, int> Stores { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the sweep runs (also once at start-up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    public int DaysFor(string store) => Stores.TryGetValue(store, out var days) ? days : Days;
}
