using Microsoft.Bot.Schema;

namespace VssBot.Bot.Reminders;

/// <summary>
/// One reminder to deliver to one student: what the chat message says, and what a template or an email needs (deadline,
/// office, printable-form link, the address given in Form 01 if the student agreed to email reminders). Holds personal
/// data: never logged, never stored (the ledger keeps the student key, the reminder id and route names only).
/// </summary>
/// <param name="Id">Stable id of this reminder for this student ("countdown/{receipt}/day7", "school/2026-12-01").</param>
/// <param name="ChatText">The message on the student's chat channel.</param>
/// <param name="Email">The Form 01 email, only when the student said yes to email reminders.</param>
public sealed record ReminderNotice(
    string StudentKey,
    ConversationReference Conversation,
    string Id,
    string ChatText,
    DateOnly? Deadline,
    int DaysLeft,
    string Office,
    string? PrintLink,
    string? Email)
{
    public string ChannelId => Conversation.ChannelId;
    public string UserId => Conversation.User?.Id ?? Conversation.Conversation?.Id ?? "";

    /// <summary>The reminder and its channel only: a notice that ends up in a log or an exception names no address and no text.</summary>
    public override string ToString() => $"ReminderNotice {{ Id = {Id}, ChannelId = {ChannelId} }}";
}

/// <summary>What one route did with a reminder: delivered, or why not (no personal data: route and reason only).</summary>
public sealed record RouteOutcome(bool Delivered, string Reason)
{
    public static RouteOutcome Sent(string how) => new(true, how);
    public static RouteOutcome Skipped(string why) => new(false, why);
    public static RouteOutcome Failed(string why) => new(false, why);
}

/// <summary>A way to reach a student with a reminder: their chat, a platform template, email.</summary>
public interface IReminderRoute
{
    /// <summary>Short name for the ledger and the dashboard ("chat", "zalo-template", "messenger-utility", "email").</summary>
    string Name { get; }

    /// <summary>Tries to deliver now; never throws for a delivery failure (it is an outcome).</summary>
    Task<RouteOutcome> TryDeliverAsync(ReminderNotice notice, CancellationToken cancellationToken);
}
