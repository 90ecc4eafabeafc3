namespace VssBot.Bot.Agents.Audit;

/// <summary>One view or change of a student's personal data: who, when, which student, what.</summary>
public sealed record AuditEntry(DateTimeOffset At, string UserName, string StudentKey, string Action);

/// <summary>
/// Every view of a student's personal data by a signed-in person (Decree 13/2023: who processed what and when).
/// Actions are short fixed words ("detail", "reveal:idDocument", "correct:phone"), never the data itself.
/// </summary>
public sealed class AuditLog(IAuditStore store, TimeProvider clock)
{
    public Task WriteAsync(string userName, IEnumerable<string> studentKeys, string action, CancellationToken cancellationToken) =>
        store.AppendAsync(clock.GetUtcNow(), userName, [.. studentKeys], action, cancellationToken);

    public Task WriteAsync(string userName, string studentKey, string action, CancellationToken cancellationToken) =>
        WriteAsync(userName, [studentKey], action, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, string? studentKey, CancellationToken cancellationToken) =>
        store.NewestAsync(count, studentKey, cancellationToken);
}
