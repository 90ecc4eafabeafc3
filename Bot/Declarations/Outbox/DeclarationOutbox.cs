using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// The outbox table: declarations recorded durably, keyed by idempotency key, until the registry accepts them.
/// Error texts stored here name types and status codes only, never content.
/// </summary>
public sealed class DeclarationOutbox(DeclarationDatabase database)
{
    private const string Columns = "idempotency_key, receipt_number, student_key, conversation_json, content_json, status, attempts, " +
        "recorded_at, sent_at, registry_id, last_error, journey, notification, follow_up_done";

    /// <summary>
    /// Stores the declaration unless its key is already there; returns the receipt (the stored one for a known key)
    /// and whether it was new.
    /// </summary>
    public async Task<(string ReceiptNumber, bool Created)> AddAsync(string idempotencyKey, string studentKey, ConversationReference conversation,
        DateTimeOffset confirmedAt, Func<string, DeclarationContent> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken); // BEGIN IMMEDIATE
        if (await ScalarAsync(connection, transaction, "SELECT receipt_number FROM declaration_outbox WHERE idempotency_key = $key", cancellationToken, ("$key", idempotencyKey)) is string existing)
            return (existing, false);

        foreach (var receipt in ReceiptNumber.Candidates(idempotencyKey, confirmedAt))
        {
            if (await ScalarAsync(connection, transaction, "SELECT 1 FROM declaration_outbox WHERE receipt_number = $receipt", cancellationToken, ("$receipt", receipt)) is not null)
                continue;
            await using var insert = connection.Command($"""
                INSERT INTO declaration_outbox ({Columns}, next_attempt_at)
                VALUES ($key, $receipt, $student, $conversation, $content, $status, 0, $now, NULL, NULL, NULL, NULL, NULL, 0, $now)
                """,
                ("$key", idempotencyKey), ("$receipt", receipt), ("$student", studentKey),
                ("$conversation", JsonConvert.SerializeObject(WithoutNames(conversation))),
                ("$content", database.WriteContent(content(receipt), "declaration_outbox")), ("$status", OutboxStatus.Pending),
                ("$now", DeclarationDatabase.Timestamp(now)));
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

    /// <summary>Pending declarations whose next attempt is due, oldest first.</summary>
    public Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        => QueryAsync("status = $status AND next_attempt_at <= $now", [("$status", OutboxStatus.Pending), ("$now", DeclarationDatabase.Timestamp(now))], limit, cancellationToken);

    /// <summary>Sent declarations whose journey update or message to the student is still to do.</summary>
    public Task<IReadOnlyList<OutboxItem>> FollowUpsDueAsync(int limit, CancellationToken cancellationToken)
        => QueryAsync("status = $status AND follow_up_done = 0", [("$status", OutboxStatus.Sent)], limit, cancellationToken);

    /// <summary>Declarations recorded since <paramref name="since"/> (the students in their office-visit countdown), oldest first.</summary>
    public Task<IReadOnlyList<OutboxItem>> RecordedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
        => QueryAsync("recorded_at >= $since", [("$since", DeclarationDatabase.Timestamp(since))], limit, cancellationToken);

    public Task MarkSentAsync(string idempotencyKey, string registryId, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync("status = $status, sent_at = $now, registry_id = $registry, last_error = NULL, attempts = attempts + 1", idempotencyKey, cancellationToken,
            ("$status", OutboxStatus.Sent), ("$now", DeclarationDatabase.Timestamp(now)), ("$registry", registryId));

    public Task MarkRetryAsync(string idempotencyKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
        => UpdateAsync("attempts = attempts + 1, next_attempt_at = $next, last_error = $error", idempotencyKey, cancellationToken,
            ("$next", DeclarationDatabase.Timestamp(nextAttemptAt)), ("$error", error));

    public Task MarkRejectedAsync(string idempotencyKey, string error, CancellationToken cancellationToken)
        => UpdateAsync("status = $status, attempts = attempts + 1, last_error = $error", idempotencyKey, cancellationToken,
            ("$status", OutboxStatus.RejectedInvalid), ("$error", error));

    public Task RecordFollowUpAsync(string idempotencyKey, string journey, string? notification, bool done, CancellationToken cancellationToken)
        => UpdateAsync("journey = $journey, notification = $notification, follow_up_done = $done", idempotencyKey, cancellationToken,
            ("$journey", journey), ("$notification", notification), ("$done", done ? 1 : 0));

    /// <summary>Display names are personal data and not needed to reach the conversation again.</summary>
    private static ConversationReference WithoutNames(ConversationReference reference)
    {
        var copy = JsonConvert.DeserializeObject<ConversationReference>(JsonConvert.SerializeObject(reference))!;
        if (copy.User is not null) copy.User.Name = null;
        if (copy.Bot is not null) copy.Bot.Name = null;
        if (copy.Conversation is not null) copy.Conversation.Name = null;
        return copy;
    }

    private async Task UpdateAsync(string set, string idempotencyKey, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE declaration_outbox SET {set} WHERE idempotency_key = $key", cancellationToken, [.. parameters, ("$key", idempotencyKey)]);
    }

    private async Task<IReadOnlyList<OutboxItem>> QueryAsync(string where, (string, object?)[] parameters, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM declaration_outbox WHERE {where} ORDER BY recorded_at LIMIT {limit}", parameters);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new OutboxItem(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                JsonConvert.DeserializeObject<ConversationReference>(reader.GetString(3))!,
                database.ReadContent(reader.GetString(4), "declaration_outbox"),
                reader.GetString(5), reader.GetInt32(6), DeclarationDatabase.ParseTimestamp(reader.GetString(7)),
                reader.NullableString(8) is { } sent ? DeclarationDatabase.ParseTimestamp(sent) : null,
                reader.NullableString(9), reader.NullableString(10), reader.NullableString(11), reader.NullableString(12),
                reader.GetInt32(13) == 1));
        return items;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
