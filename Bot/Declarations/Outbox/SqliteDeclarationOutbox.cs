using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// <see cref="IDeclarationOutbox"/> in the bot's SQLite file (one instance). Claims are an UPDATE … RETURNING, atomic
/// in SQLite; timestamps are fixed-width UTC text (<see cref="DeclarationDatabase.Timestamp"/>), so text order is time order.
/// </summary>
public sealed class SqliteDeclarationOutbox(DeclarationDatabase database, DeclarationContentCipher cipher) : IDeclarationOutbox
{
    private const string Columns = OutboxRows.Columns;

    public async Task<(string ReceiptNumber, bool Created)> AddAsync(string idempotencyKey, string studentKey, ConversationReference conversation,
        DateTimeOffset confirmedAt, Func<string, DeclarationContent> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Mapped and encrypted before the file's write gate is taken (every turn's state write waits behind this
        // transaction), for the first receipt number: the next ones are tried only when two declarations' codes collide.
        var candidates = ReceiptNumber.Candidates(idempotencyKey, confirmedAt).ToList();
        var reference = ConversationReferences.WithoutNames(conversation);
        var firstContent = cipher.Write(content(candidates[0]), DeclarationContentCipher.OutboxTable);
        await using var write = await database.BeginWriteAsync(cancellationToken); // BEGIN IMMEDIATE, behind the file's write gate
        var (connection, transaction) = (write.Connection, write.Transaction);
        if (await ScalarAsync(connection, transaction, "SELECT receipt_number FROM declaration_outbox WHERE idempotency_key = $key", cancellationToken, ("$key", idempotencyKey)) is string existing)
            return (existing, false);

        foreach (var receipt in candidates)
        {
            if (await ScalarAsync(connection, transaction, "SELECT 1 FROM declaration_outbox WHERE receipt_number = $receipt", cancellationToken, ("$receipt", receipt)) is not null)
                continue;
            await using var insert = connection.Command($"""
                INSERT INTO declaration_outbox ({Columns}, next_attempt_at)
                VALUES ($key, $receipt, $student, $conversation, $content, $status, 0, $now, NULL, NULL, NULL, NULL, NULL, 0, $now)
                """,
                ("$key", idempotencyKey), ("$receipt", receipt), ("$student", studentKey),
                ("$conversation", reference),
                ("$content", receipt == candidates[0] ? firstContent : cipher.Write(content(receipt), DeclarationContentCipher.OutboxTable)),
                ("$status", OutboxStatus.Pending), ("$now", DeclarationDatabase.Timestamp(now)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (receipt, true);
        }
        throw new InvalidOperationException("No free receipt number for this declaration.");
    }

    public async Task<OutboxItem?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
        => (await QueryAsync("idempotency_key = $key", [("$key", idempotencyKey)], 1, cancellationToken)).SingleOrDefault();

    public async Task<OutboxItem?> GetByReceiptAsync(string receiptNumber, CancellationToken cancellationToken)
        => (await QueryAsync("receipt_number = $receipt", [("$receipt", receiptNumber)], 1, cancellationToken)).SingleOrDefault();

    public async Task<int?> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM declaration_outbox WHERE status = $status";
        command.Parameters.AddWithValue("$status", OutboxStatus.Pending);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
        => ClaimAsync("status = $status AND next_attempt_at <= $now", OutboxStatus.Pending, now, claimUntil, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ClaimFollowUpsAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
        => ClaimAsync("status = $status AND follow_up_done = 0", OutboxStatus.Sent, now, claimUntil, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> RecordedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
        => QueryAsync("recorded_at >= $since", [("$since", DeclarationDatabase.Timestamp(since))], limit, cancellationToken);

    public Task MarkSentAsync(string idempotencyKey, string registryId, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync("status = $status, sent_at = $now, registry_id = $registry, last_error = NULL, attempts = attempts + 1", idempotencyKey, cancellationToken,
            ("$status", OutboxStatus.Sent), ("$now", DeclarationDatabase.Timestamp(now)), ("$registry", registryId));

    public Task MarkRetryAsync(string idempotencyKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
        => UpdateAsync("attempts = attempts + 1, next_attempt_at = $next, last_error = $error, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("$next", DeclarationDatabase.Timestamp(nextAttemptAt)), ("$error", error));

    public Task MarkRejectedAsync(string idempotencyKey, string error, CancellationToken cancellationToken)
        => UpdateAsync("status = $status, attempts = attempts + 1, last_error = $error, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("$status", OutboxStatus.RejectedInvalid), ("$error", error));

    public async Task ReleaseAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        await database.WriteAsync("UPDATE declaration_outbox SET claimed_until = NULL WHERE idempotency_key IN (SELECT value FROM json_each($keys))",
            cancellationToken, ("$keys", System.Text.Json.JsonSerializer.Serialize(idempotencyKeys)));
    }

    public Task RecordFollowUpAsync(string idempotencyKey, string journey, string? notification, bool done, CancellationToken cancellationToken)
        => UpdateAsync("journey = $journey, notification = $notification, follow_up_done = $done, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("$journey", journey), ("$notification", notification), ("$done", done ? 1 : 0));

    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        return await database.WriteAsync("""
            DELETE FROM declaration_outbox
            WHERE (status = $sent AND follow_up_done = 1 AND sent_at < $cutoff) OR (status = $rejected AND recorded_at < $cutoff)
            """, cancellationToken,
            ("$sent", OutboxStatus.Sent), ("$rejected", OutboxStatus.RejectedInvalid), ("$cutoff", DeclarationDatabase.Timestamp(cutoff)));
    }

    private async Task<IReadOnlyList<OutboxItem>> ClaimAsync(string where, string status, DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using var command = write.Connection.Command($"""
            UPDATE declaration_outbox SET claimed_until = $until
            WHERE idempotency_key IN (
                SELECT idempotency_key FROM declaration_outbox
                WHERE {where} AND (claimed_until IS NULL OR claimed_until <= $now)
                ORDER BY recorded_at LIMIT {limit})
            RETURNING {Columns}
            """, ("$status", status), ("$now", DeclarationDatabase.Timestamp(now)), ("$until", DeclarationDatabase.Timestamp(claimUntil)));
        command.Transaction = write.Transaction;
        var claimed = await OutboxRows.ReadAsync(command, cipher, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(i => i.RecordedAt)];
    }

    private async Task UpdateAsync(string set, string idempotencyKey, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await database.WriteAsync($"UPDATE declaration_outbox SET {set} WHERE idempotency_key = $key", cancellationToken, [.. parameters, ("$key", idempotencyKey)]);
    }

    private async Task<IReadOnlyList<OutboxItem>> QueryAsync(string where, (string, object?)[] parameters, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM declaration_outbox WHERE {where} ORDER BY recorded_at LIMIT {limit}", parameters);
        return await OutboxRows.ReadAsync(command, cipher, cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
