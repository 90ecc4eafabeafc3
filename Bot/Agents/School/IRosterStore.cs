namespace VssBot.Bot.Agents.School;

/// <summary>The table behind <see cref="Roster"/>: the SQLite file (one instance) or PostgreSQL (shared by replicas).</summary>
public interface IRosterStore
{
    /// <summary>Adds or updates each student by student id, in one transaction; returns how many were new and how many updated.</summary>
    Task<(int Added, int Updated)> UpsertAsync(IReadOnlyList<RosterStudent> students, CancellationToken cancellationToken);

    /// <summary>The stored spelling of a student id, matched ignoring case ("SV2024002" for "sv2024002"); null when absent.</summary>
    Task<string?> FindIdAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>Every student by faculty, class, student id.</summary>
    Task<IReadOnlyList<RosterStudent>> AllAsync(CancellationToken cancellationToken);
}

/// <summary>Named settings (JSON values) an admin saved: the SQLite file (one instance) or PostgreSQL (shared by replicas).</summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, string value, CancellationToken cancellationToken);
}
