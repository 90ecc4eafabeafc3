namespace VssBot.Bot.Declarations.Contracts;

/// <summary>A declaration as the registry keeps it: the content plus where it stands.</summary>
/// <param name="Status">One of <see cref="DeclarationStatus"/>.</param>
/// <param name="StatusReason">Why it was rejected (or a note with another status).</param>
public sealed record Declaration(
    string Id,
    string ReceiptNumber,
    string StudentId,
    string Status,
    string? StatusReason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset StatusChangedAt,
    DeclarationContent Content);
