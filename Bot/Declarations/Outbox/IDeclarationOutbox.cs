using Microsoft.Bot.Schema;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// The outbox: declarations recorded durably, keyed by idempotency key, until the registry accepts them and the
/// student is told. Workers of any number of instances <em>claim</em> the rows they handle until a lease ends, so a row
/// is never sent or followed up by two workers at once, and the rows of a killed worker come back when its lease ends.
/// Error texts stored here name types and status codes only, never content.
/// Implementations: <see cref="SqliteDeclarationOutbox"/>, <see cref="PostgresDeclarationOutbox"/>.
/// </summary>
public interface IDeclarationOutbox
{
    /// <summary>
    /// Stores the declaration unless its key is already there; returns the receipt (the stored one for a known key)
    /// and whether it was new. <paramref name="content"/> builds the content for a candidate receipt number.
    /// </summary>
    Task<(string ReceiptNumber, bool Created)> AddAsync(string idempotencyKey, string studentKey, ConversationReference conversation,
        DateTimeOffset confirmedAt, Func<string, DeclarationContent> content, DateTimeOffset now, CancellationToken cancellationToken);

    Task<OutboxItem?> GetAsync(string idempotencyKey, CancellationToken cancellationToken);

    Task<OutboxItem?> GetByReceiptAsync(string receiptNumber, CancellationToken cancellationToken);

    /// <summary>How many declarations still wait for the registry (the outbox depth metric); null when the store cannot tell.</summary>
    Task<int?> PendingCountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    /// <summary>Claims, until <paramref name="claimUntil"/>, up to <paramref name="limit"/> pending declarations whose next attempt is due and that no one holds; oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Claims sent declarations whose journey update or message to the student is still to do; oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimFollowUpsAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Declarations recorded since <paramref name="since"/> (the students in their office-visit countdown), oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> RecordedSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Accepted by the registry; the claim stays for the follow-up that comes next.</summary>
    Task MarkSentAsync(string idempotencyKey, string registryId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Not delivered: tried again at <paramref name="nextAttemptAt"/>; the claim is released.</summary>
    Task MarkRetryAsync(string idempotencyKey, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Refused as invalid: never tried again; the claim is released.</summary>
    Task MarkRejectedAsync(string idempotencyKey, string error, CancellationToken cancellationToken);

    /// <summary>Gives claimed rows back before their lease ends (a worker stopping mid-batch).</summary>
    Task ReleaseAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes finished rows (sent and followed up, by <c>sent_at</c>; refused as invalid, by <c>recorded_at</c>)
    /// older than <paramref name="cutoff"/>. Rows still to send or follow up stay. Returns how many went.
    /// </summary>
    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>What the follow-up did; the claim is released.</summary>
    Task RecordFollowUpAsync(string idempotencyKey, string journey, string? notification, bool done, CancellationToken cancellationToken);
}
