using Microsoft.Bot.Schema;
using VssBot.Dialogs.Form01;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Records a confirmed declaration durably (the outbox) before the student is told it is recorded; delivering it to
/// the declaration API happens afterwards, exactly once per <see cref="ConfirmedDeclaration.IdempotencyKey"/>.
/// The host provides it; without one (dialog tests) the declaration stays in the student's profile only.
/// </summary>
public interface IDeclarationRecorder
{
    Task<RecordedDeclaration> RecordAsync(ConfirmedDeclaration declaration, CancellationToken cancellationToken);
}

/// <param name="IdempotencyKey">Stable for one declaration of one student: a confirmation delivered twice, or retried after a crash, has the same key.</param>
/// <param name="StudentKey">Whose declaration it is, and where to tell them when it is accepted.</param>
/// <param name="Conversation">Where to send the proactive "accepted" message.</param>
/// <param name="Answers">Every Form 01 answer, normalised (see <see cref="FieldAnswer"/>).</param>
public sealed record ConfirmedDeclaration(
    string IdempotencyKey,
    StudentKey StudentKey,
    string ChannelId,
    ConversationReference Conversation,
    IReadOnlyDictionary<string, FieldAnswer> Answers,
    string FormVersion,
    DateTimeOffset ConfirmedAt);

/// <param name="ReceiptNumber">Human-readable, shown to the student and to the office ("VSS-…").</param>
public sealed record RecordedDeclaration(string ReceiptNumber);
