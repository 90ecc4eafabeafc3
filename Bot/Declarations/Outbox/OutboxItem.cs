using Microsoft.Bot.Schema;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>One recorded declaration on its way to the registry, and what happened after (journey, message to the student).</summary>
/// <param name="Status">One of <see cref="OutboxStatus"/>.</param>
/// <param name="Journey">Outcome of the journey update (null: not done yet).</param>
/// <param name="Notification">Outcome of the proactive message (null: not done yet).</param>
public sealed record OutboxItem(
    string IdempotencyKey,
    string ReceiptNumber,
    string StudentKey,
    ConversationReference Conversation,
    DeclarationContent Content,
    string Status,
    int Attempts,
    DateTimeOffset RecordedAt,
    DateTimeOffset? SentAt,
    string? RegistryId,
    string? LastError,
    string? Journey,
    string? Notification,
    bool FollowUpDone);

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>The registry refused the content (400): retrying cannot help, so the worker stops.</summary>
    public const string RejectedInvalid = "rejected-invalid";
}
