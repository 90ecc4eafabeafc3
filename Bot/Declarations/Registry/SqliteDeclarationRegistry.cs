using Microsoft.Data.Sqlite;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Registry;

/// <summary><see cref="IDeclarationRegistry"/> in the bot's SQLite file (one instance).</summary>
public sealed class SqliteDeclarationRegistry(DeclarationDatabase database, DeclarationContentCipher cipher, TimeProvider clock) : IDeclarationRegistry
{
    private const string Columns = RegistryRows.Columns;

    public async Task<(Declaration Declaration, bool Created)> SubmitAsync(string idempotencyKey, DeclarationContent content, CancellationToken cancellationToken)
    {
        var now = DeclarationDatabase.Timestamp(clock.GetUtcNow());
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var inserted = await write.ExecuteAsync($"""
            INSERT INTO registry_declarations ({Columns}, idempotency_key)
            VALUES ($id, $receipt, $student, $status, NULL, $now, $now, $content, $key)
            ON CONFLICT (idempotency_key) DO NOTHING
            """, cancellationToken,
            ("$id", Guid.CreateVersion7().ToString("N")), ("$receipt", content.ReceiptNumber), ("$student", content.StudentId),
            ("$status", DeclarationStatus.Submitted), ("$now", now), ("$content", cipher.Write(content, DeclarationContentCipher.RegistryTable)), ("$key", idempotencyKey));
        var stored = await QuerySingleAsync(write.Connection, "idempotency_key = $key", ("$key", idempotencyKey), cancellationToken, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return (stored!, inserted == 1);
    }

    public async Task<Declaration?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QuerySingleAsync(connection, "id = $id", ("$id", id), cancellationToken);
    }

    public async Task<IReadOnlyList<Declaration>> ListAsync(string? studentId, string? status, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
            SELECT {Columns} FROM registry_declarations
            WHERE ($student IS NULL OR student_id = $student) AND ($status IS NULL OR status = $status)
              AND ($from IS NULL OR submitted_at >= $from) AND ($to IS NULL OR submitted_at < $to)
            ORDER BY submitted_at DESC, id DESC
            """,
            ("$student", studentId), ("$status", status),
            ("$from", from is { } f ? DeclarationDatabase.Timestamp(f) : null), ("$to", to is { } t ? DeclarationDatabase.Timestamp(t) : null));
        return await RegistryRows.ReadAsync(command, cipher, cancellationToken);
    }

    public async Task<Declaration?> UpdateStatusAsync(string id, DeclarationStatusUpdate update, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var changed = await write.ExecuteAsync(
            "UPDATE registry_declarations SET status = $status, status_reason = $reason, status_changed_at = $now WHERE id = $id",
            cancellationToken, ("$status", update.Status), ("$reason", string.IsNullOrWhiteSpace(update.Reason) ? null : update.Reason.Trim()),
            ("$now", DeclarationDatabase.Timestamp(clock.GetUtcNow())), ("$id", id));
        var updated = changed == 0 ? null : await QuerySingleAsync(write.Connection, "id = $id", ("$id", id), cancellationToken, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return updated;
    }

    private async Task<Declaration?> QuerySingleAsync(SqliteConnection connection, string where, (string, object?) parameter, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM registry_declarations WHERE {where}", parameter);
        command.Transaction = transaction;
        return (await RegistryRows.ReadAsync(command, cipher, cancellationToken)).SingleOrDefault();
    }
}
