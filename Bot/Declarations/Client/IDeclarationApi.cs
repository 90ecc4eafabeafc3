using Refit;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Client;

/// <summary>The school's declaration registry (declaration-api.openapi.yaml), embedded or remote.</summary>
public interface IDeclarationApi
{
    /// <summary>201 created, 200 for a replayed key (the same record), 400 with problem details when invalid.</summary>
    [Post("/registry/v1/declarations")]
    Task<ApiResponse<Declaration>> SubmitAsync([Header("Idempotency-Key")] string idempotencyKey, [Body] DeclarationContent content, CancellationToken cancellationToken);

    [Get("/registry/v1/declarations/{id}")]
    Task<ApiResponse<Declaration>> GetAsync(string id, CancellationToken cancellationToken);

    [Get("/registry/v1/declarations")]
    Task<IReadOnlyList<Declaration>> ListAsync(string? studentId, string? status, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    [Post("/registry/v1/declarations/{id}/status")]
    Task<ApiResponse<Declaration>> UpdateStatusAsync(string id, [Body] DeclarationStatusUpdate update, CancellationToken cancellationToken);
}
