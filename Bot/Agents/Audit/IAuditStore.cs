namespace VssBot.Bot.Agents.Audit;

/// <summary>The table behind <see cref="AuditLog"/>: the SQLite file (one instance) or PostgreSQL (shared by replicas). Append-only.</summary>
public interface IAuditStore
{
    /// <summary>One entry per student key, in one transaction.</summary>
    Task AppendAsync(DateTimeOffset at, string userName, IReadOnlyList<string> studentKeys, string action, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> entries, of one student when <paramref name="studentKey"/> is given.</summary>
    Task<IReadOnlyList<AuditEntry>> NewestAsync(int count, string? studentKey, CancellationToken cancellationToken);
}
