namespace VssBot.Bot.Reminders.Ledger;

/// <summary>A reminder no route could deliver: the hotline should call the student ("cần gọi điện").</summary>
/// <param name="Reasons">Each route's reason (no personal data).</param>
public sealed record UndeliverableReminder(string StudentKey, string ReminderId, string Reasons, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Attempts);

/// <summary>
/// What became of each reminder (per student and reminder id): delivered by which route, or undeliverable with why.
/// A later delivery of the same reminder replaces "undeliverable". Durable, one store per kind of data.
/// </summary>
public interface IReminderLedger
{
    Task RecordDeliveredAsync(string studentKey, string reminderId, string route, DateTimeOffset at, CancellationToken cancellationToken);

    Task RecordUndeliverableAsync(string studentKey, string reminderId, string reasons, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The reminders currently undeliverable, oldest first.</summary>
    Task<IReadOnlyList<UndeliverableReminder>> UndeliverableAsync(CancellationToken cancellationToken);

    /// <summary>The route that delivered <paramref name="reminderId"/>, if any.</summary>
    Task<string?> DeliveredByAsync(string studentKey, string reminderId, CancellationToken cancellationToken);

    /// <summary>Retention: forgets entries last touched before <paramref name="cutoff"/>; returns how many went.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
