using Npgsql;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Registry;

/// <summary><see cref="IDeclarationRegistry"/> in PostgreSQL: every replica's registry API lists the same declarations.</summary>
public sealed class PostgresDeclarationRegistry(PostgresDatabase database, DeclarationContentCipher cipher, TimeProvider clock) : IDeclarationRegistry
{
    private const string Columns = RegistryRows.Columns;

    public async Task<(Declaration Declaration, bool Created)> SubmitAsync(string idempotencyKey, DeclarationContent content, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync($"""
            INSERT INTO registry_declarations ({Columns}, idempotency_key)
            VALUES (@id, @receipt, @student, @status, NULL, @now, @now, @content, @key)
            ON CONFLICT (idempotency_key) DO NOTHING
            """, cancellationToken,
            ("id", Guid.CreateVersion7().ToString("N")), ("receipt", content.ReceiptNumber), ("student", content.StudentId),
            ("status", DeclarationStatus.Submitted), ("now", clock.GetUtcNow()),
            ("content", cipher.Write(content, DeclarationContentCipher.RegistryTable)), ("key", idempotencyKey));
        var stored = await QuerySingleAsync(connection, "idempotency_key = @key", ("key", idempotencyKey), cancellationToken);
        return (stored!, inserted == 1);
    }

    public async Task<Declaration?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QuerySingleAsync(connection, "id = @id", ("id", id), cancellationToken);
    }

    public async Task<IReadOnlyList<Declaration>> ListAsync(string? studentId, string? status, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {Columns} FROM registry_declarations
            WHERE (@student::text IS NULL OR student_id = @student) AND (@status::text IS NULL OR status = @status)
              AND (@from::timestamptz IS NULL OR submitted_at >= @from) AND (@to::timestamptz IS NULL OR submitted_at < @to)
            ORDER BY submitted_at DESC, id DESC
            """, ("student", studentId), ("status", status), ("from", from), ("to", to));
        return await RegistryRows.ReadAsync(command, cipher, cancellationToken);
    }

    public async Task<Declaration?> UpdateStatusAsync(string id, DeclarationStatusUpdate update, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE registry_declarations SET status = @status, status_reason = @reason, status_changed_at = @now WHERE id = @id",
            cancellationToken, ("status", update.Status), ("reason", string.IsNullOrWhiteSpace(update.Reason) ? null : update.Reason.Trim()),
            ("now", clock.GetUtcNow()), ("id", id));
        return changed == 0 ? null : await QuerySingleAsync(connection, "id = @id", ("id", id), cancellationToken);
    }

    private async Task<Declaration?> QuerySingleAsync(NpgsqlConnection connection, string where, (string, object?) parameter, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM registry_declarations WHERE {where}", parameter);
        return (await RegistryRows.ReadAsync(command, cipher, cancellationToken)).SingleOrDefault();
    }
}
