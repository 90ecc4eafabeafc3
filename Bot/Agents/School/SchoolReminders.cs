using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Channels.Proactive;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Agents.School;

/// <summary>A reminder that did not reach a student: who, on which channel, and why (for staff, in Vietnamese).</summary>
public sealed record ReminderNotSent(string StudentId, string FullName, string Channel, string Reason);

public sealed record ReminderOutcome(int Sent, IReadOnlyList<ReminderNotSent> NotSent);

/// <summary>
/// "Nhắc sinh viên chưa hoàn thành": the bot's reminder to every chat user linked to a roster student whose journey is not
/// at LoggedIn, each as a proactive turn of their own conversation (serialised with their turns, recorded in the
/// transcript), through their channel's rules; when the chat cannot take it (outside Messenger's or Zalo's reply window, no
/// proactive route, a failure) the <see cref="Reminders.ReminderRouter"/> tries email (if the student agreed). What no route
/// delivered is reported here and listed under "cần gọi điện". Conversations an agent holds are left to the agent.
/// </summary>
public sealed class SchoolReminders(StudentDirectory directory, Roster roster, IStudentMessenger messenger, Reminders.ReminderRouter router,
    BotTexts texts, Reminders.ReminderReasons reasons, AuditLog audit, TimeProvider clock)
{
    public async Task<ReminderOutcome> SendAsync(string staff, CancellationToken cancellationToken)
    {
        var students = (await roster.AllAsync(cancellationToken)).ToDictionary(s => s.StudentId);
        var targets = (await directory.AllAsync(cancellationToken))
            .Where(e => e.RosterId is not null && students.ContainsKey(e.RosterId) && e.JourneyState != JourneyState.LoggedIn)
            .ToList();
        var text = texts["conv.school_reminder"];
        var sent = 0;
        var notSent = new List<ReminderNotSent>();
        foreach (var entry in targets)
        {
            var reason = await SendOneAsync(entry, text, cancellationToken);
            if (reason is null) sent++;
            else
            {
                var student = students[entry.RosterId!];
                notSent.Add(new ReminderNotSent(student.StudentId, student.FullName, entry.ChannelId, reason));
            }
        }
        if (targets.Count > 0)
            await audit.WriteAsync(staff, targets.Select(t => t.StudentKey), "remind:unfinished", cancellationToken);
        return new ReminderOutcome(sent, notSent);
    }

    /// <summary>Null when delivered by some route, else why not for staff (every route's reason, in Vietnamese).</summary>
    private async Task<string?> SendOneAsync(DirectoryEntry entry, string text, CancellationToken cancellationToken)
    {
        if (entry.HeldBy is not null) return reasons.HeldByAgent;
        string? email = null;
        await messenger.ContinueWithProfileAsync(entry.Reference, profile =>
        {
            email = profile.EmailReminders == true ? profile.Form.Get("email")?.Value : null;
            return Dialogs.FollowUp.FollowUpStep.Unchanged("looked");
        }, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Dialogs.Conversation.StudentSession.VietnamOffset).DateTime);
        var notice = new Reminders.ReminderNotice(entry.StudentKey, entry.Reference, $"school/{today:yyyy-MM-dd}", text, null, 0, "", null, email);
        var routed = await router.DeliverAsync(notice, cancellationToken);
        return routed.Delivered ? null : reasons.Describe(routed.Attempts);
    }
}
