using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>
/// The school's registry of declarations. One record per idempotency key: a replayed submission (from any replica)
/// returns the record created the first time, never a second one.
/// Implementations: <see cref="SqliteDeclarationRegistry"/>, <see cref="PostgresDeclarationRegistry"/>.
/// </summary>
public interface IDeclarationRegistry
{
    /// <summary>Adds the declaration unless its key was seen before; returns the stored record and whether it is new.</summary>
    Task<(Declaration Declaration, bool Created)> SubmitAsync(string idempotencyKey, DeclarationContent content, CancellationToken cancellationToken);

    Task<Declaration?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first; every filter is optional (<paramref name="to"/> is exclusive).</summary>
    Task<IReadOnlyList<Declaration>> ListAsync(string? studentId, string? status, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>Sets what the office did; null when there is no such declaration.</summary>
    Task<Declaration?> UpdateStatusAsync(string id, DeclarationStatusUpdate update, CancellationToken cancellationToken);
}
