using Microsoft.Bot.Schema;
using Npgsql;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// <see cref="IDeclarationOutbox"/> in PostgreSQL, shared by every replica. Workers claim rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (a worker never waits for, nor takes, a row another is claiming) and a lease
/// (<c>claimed_until</c>) that outlives the claiming statement, so the registry call happens outside any transaction.
/// </summary>
public sealed class PostgresDeclarationOutbox(PostgresDatabase database, DeclarationContentCipher cipher) : IDeclarationOutbox
{
    private const string Columns = OutboxRows.Columns;

    public async Task<(string ReceiptNumber, bool Created)> AddAsync(string idempotencyKey, string studentKey, ConversationReference conversation,
        DateTimeOffset confirmedAt, Func<string, DeclarationContent> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var receipt in ReceiptNumber.Candidates(idempotencyKey, confirmedAt))
        {
            // One statement: the key and the receipt are unique, so two replicas recording the same key at once store one row.
            var inserted = await connection.ExecuteAsync($"""
                INSERT INTO declaration_outbox ({Columns}, next_attempt_at)
                VALUES (@key, @receipt, @student, @conversation, @content, @status, 0, @now, NULL, NULL, NULL, NULL, NULL, false, @now)
                ON CONFLICT DO NOTHING
                """, cancellationToken,
                ("key", idempotencyKey), ("receipt", receipt), ("student", studentKey),
                ("conversation", ConversationReferences.WithoutNames(conversation)),
                ("content", cipher.Write(content(receipt), DeclarationContentCipher.OutboxTable)), ("status", OutboxStatus.Pending), ("now", now));
            if (inserted == 1)
                return (receipt, true);
            if (await connection.ScalarAsync("SELECT receipt_number FROM declaration_outbox WHERE idempotency_key = @key", cancellationToken,
                    ("key", idempotencyKey)) is string existing)
                return (existing, false);
            // Otherwise the receipt number belongs to another declaration: try the next candidate.
        }
        throw new InvalidOperationException("No free receipt number for this declaration.");
    }

    public async Task<OutboxItem?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
        => (await QueryAsync("idempotency_key = @key", [("key", idempotencyKey)], 1, cancellationToken)).SingleOrDefault();

    public async Task<OutboxItem?> GetByReceiptAsync(string receiptNumber, CancellationToken cancellationToken)
        => (await QueryAsync("receipt_number = @receipt", [("receipt", receiptNumber)], 1, cancellationToken)).SingleOrDefault();

    public async Task<int?> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.ScalarAsync("SELECT COUNT(*) FROM declaration_outbox WHERE status = @status", cancellationToken,
            ("status", OutboxStatus.Pending)));
    }

    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
        => ClaimAsync("status = @status AND next_attempt_at <= @now", OutboxStatus.Pending, now, claimUntil, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> ClaimFollowUpsAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
        => ClaimAsync("status = @status AND NOT follow_up_done", OutboxStatus.Sent, now, claimUntil, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> RecordedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
        => QueryAsync("recorded_at >= @since", [("since", since)], limit, cancellationToken);

    public Task MarkSentAsync(string idempotencyKey, string registryId, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync("status = @status, sent_at = @now, registry_id = @registry, last_error = NULL, attempts = attempts + 1", idempotencyKey, cancellationToken,
            ("status", OutboxStatus.Sent), ("now", now), ("registry", registryId));

    public Task MarkRetryAsync(string idempotencyKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
        => UpdateAsync("attempts = attempts + 1, next_attempt_at = @next, last_error = @error, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("next", nextAttemptAt), ("error", error));

    public Task MarkRejectedAsync(string idempotencyKey, string error, CancellationToken cancellationToken)
        => UpdateAsync("status = @status, attempts = attempts + 1, last_error = @error, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("status", OutboxStatus.RejectedInvalid), ("error", error));

    public async Task ReleaseAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE declaration_outbox SET claimed_until = NULL WHERE idempotency_key = ANY(@keys)",
            cancellationToken, ("keys", idempotencyKeys.ToArray()));
    }

    public Task RecordFollowUpAsync(string idempotencyKey, string journey, string? notification, bool done, CancellationToken cancellationToken)
        => UpdateAsync("journey = @journey, notification = @notification, follow_up_done = @done, claimed_until = NULL", idempotencyKey, cancellationToken,
            ("journey", journey), ("notification", notification), ("done", done));

    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("""
            DELETE FROM declaration_outbox
            WHERE (status = @sent AND follow_up_done AND sent_at < @cutoff) OR (status = @rejected AND recorded_at < @cutoff)
            """, cancellationToken, ("sent", OutboxStatus.Sent), ("rejected", OutboxStatus.RejectedInvalid), ("cutoff", cutoff));
    }

    private async Task<IReadOnlyList<OutboxItem>> ClaimAsync(string where, string status, DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"""
            WITH claimable AS (
                SELECT idempotency_key FROM declaration_outbox
                WHERE {where} AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY recorded_at LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE declaration_outbox o SET claimed_until = @until
            FROM claimable WHERE o.idempotency_key = claimable.idempotency_key
            RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "o." + c))}
            """, ("status", status), ("now", now), ("until", claimUntil), ("limit", limit));
        return [.. (await OutboxRows.ReadAsync(command, cipher, cancellationToken)).OrderBy(i => i.RecordedAt)];
    }

    private async Task UpdateAsync(string set, string idempotencyKey, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE declaration_outbox SET {set} WHERE idempotency_key = @key", cancellationToken, [.. parameters, ("key", idempotencyKey)]);
    }

    private async Task<IReadOnlyList<OutboxItem>> QueryAsync(string where, (string, object?)[] parameters, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM declaration_outbox WHERE {where} ORDER BY recorded_at LIMIT {limit}", parameters);
        return await OutboxRows.ReadAsync(command, cipher, cancellationToken);
    }
}
