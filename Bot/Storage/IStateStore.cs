using Microsoft.Bot.Builder;

namespace VssBot.Bot.Storage;

/// <summary>A durable <see cref="IStorage"/> (SQLite or PostgreSQL): schema at start-up, retention of personal data.</summary>
public interface IStateStore : IStorage
{
    /// <summary>Where the state lives, for the start-up log (never a password).</summary>
    string Description { get; }

    /// <summary>Creates or migrates the schema. Safe to call more than once, and from several instances at once.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes conversation state (<c>{channel}/conversations/{id}</c>) and user state (<c>{channel}/users/{id}</c>:
    /// the student profile) last written before <paramref name="cutoff"/>. Returns how many items were deleted.
    /// </summary>
    Task<int> DeletePersonalStateUpdatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
