using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Agents.Directory;

/// <summary>Why a conversation waits for a person: the two escalations of <see cref="EscalationReason"/>, or a refused declaration.</summary>
public enum WaitingReason { StudentAskedForPerson, MaxAttemptsReached, Rejected }

/// <summary>One chat user as the console lists them. <paramref name="StudentKey"/> is "{channelId}/{userId}".</summary>
public sealed record DirectoryEntry(
    string StudentKey,
    string ChannelId,
    ConversationReference Reference,
    DateTimeOffset LastActivity,
    JourneyState JourneyState,
    WaitingReason? Waiting,
    string? QuestionKey,
    DateTimeOffset? WaitingSince,
    string? HeldBy,
    DateTimeOffset? HeldSince,
    string? RosterId);

/// <summary>A student's state after a turn, for <see cref="StudentDirectory.RecordTurnsAsync"/>.</summary>
public sealed record DirectoryUpdate(string StudentKey, ConversationReference Reference, StudentSummary? Student, DateTimeOffset Now);

/// <summary>
/// What the directory keeps of a profile, taken during the turn (<see cref="StudentDirectory.Summarize"/>): the recorder
/// writes it after the turn, when the profile's objects may already be the next turn's.
/// </summary>
public sealed record StudentSummary(JourneyState JourneyState, IReadOnlyList<StudentWait> Waits, string? NextField, string? StudentId);

/// <summary>Something the student waits for a person about, since <paramref name="At"/>; open unless a hand-back came after it.</summary>
public sealed record StudentWait(WaitingReason Reason, string? QuestionKey, DateTimeOffset At);

/// <summary>
/// The index of chat users the console and dashboard list (the bot state itself is keyed for lookups, not listing).
/// Updated after every turn by <see cref="ConversationRecorder"/>; kept in <see cref="IStudentDirectoryStore"/> (the
/// SQLite file, or PostgreSQL shared by replicas). A conversation is held by at most one agent. Reads and agents'
/// changes first wait for the turns recorded before them.
/// </summary>
public sealed class StudentDirectory(IStudentDirectoryStore store, Form01Definition form, PendingRecords pending)
{
    public static string KeyOf(IActivity activity) => StudentKey.Of(activity).ToString();

    /// <summary>
    /// Records the latest state of a student after a turn; the open escalation is what happened since the last hand-back.
    /// A chat user not linked yet is linked to the roster student with the id they gave the bot (a link made by staff stays).
    /// True when the open escalation changed.
    /// </summary>
    public async Task<bool> RecordTurnAsync(string studentKey, ConversationReference reference, StudentProfile? profile, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await RecordTurnsAsync([new DirectoryUpdate(studentKey, reference, Summarize(profile), now)], cancellationToken))[0];

    /// <summary>What <see cref="RecordTurnsAsync"/> needs of a profile; null for a student without one.</summary>
    public StudentSummary? Summarize(StudentProfile? profile) =>
        profile is null ? null : new StudentSummary(profile.Journey.State, [.. Waits(profile)], NextField(profile), profile.StudentId);

    /// <summary><see cref="RecordTurnAsync"/> for several turns in order, in one write; for each, whether its open escalation changed.</summary>
    public async Task<IReadOnlyList<bool>> RecordTurnsAsync(IReadOnlyList<DirectoryUpdate> updates, CancellationToken cancellationToken)
    {
        var latestReasons = new string?[updates.Count];
        var turns = updates.Select((update, i) => new StudentTurn(update.StudentKey, update.Reference, resolvedAt =>
        {
            var student = update.Student;
            var open = student?.Waits.Where(w => resolvedAt is null || w.At > resolvedAt).ToList() ?? [];
            var latest = open.MaxBy(w => w.At);
            latestReasons[i] = latest?.Reason.ToString();
            return new DirectoryTurn(update.Now, (student?.JourneyState ?? new JourneyRecord().State).ToString(), latestReasons[i], latest?.QuestionKey,
                open.Count > 0 ? open.Min(w => w.At) : null, student?.NextField, student?.StudentId);
        })).ToList();
        var before = await store.RecordTurnsAsync(turns, cancellationToken);
        return [.. before.Select((reason, i) => reason != latestReasons[i])];
    }

    /// <summary>What <c>next_field</c> holds for a student before Form 01 whose consent is not given (declined or not answered).</summary>
    public const string ConsentStep = FormProgress.ConsentStep;

    /// <summary>The funnel's step (<see cref="FormProgress.NextStep"/>).</summary>
    private string? NextField(StudentProfile? profile) => FormProgress.NextStep(profile, form);

    /// <summary>The escalations and a refused declaration; those after the last hand-back are open.</summary>
    private static IEnumerable<StudentWait> Waits(StudentProfile profile)
    {
        foreach (var e in profile.Escalations)
            yield return new(e.Reason == EscalationReason.StudentAskedForPerson ? WaitingReason.StudentAskedForPerson : WaitingReason.MaxAttemptsReached, e.QuestionKey, e.At);
        if (profile.Journey.State == JourneyState.Rejected
            && profile.Journey.History.LastOrDefault(h => h.To == JourneyState.Rejected) is { } rejected)
            yield return new(WaitingReason.Rejected, null, rejected.At);
    }

    /// <summary>Conversations that need or have a person: waiting ones and held ones.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> QueueAsync(bool oldestFirst, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.QueueAsync(oldestFirst, cancellationToken);
    }

    public async Task<DirectoryEntry?> FindAsync(string studentKey, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.FindAsync(studentKey, cancellationToken);
    }

    public async Task<IReadOnlyList<DirectoryEntry>> AllAsync(CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken); // reads see the turns recorded before them
        return await store.AllAsync(cancellationToken);
    }

    /// <summary>Takes the conversation for <paramref name="agent"/> unless another agent holds it. True when taken.</summary>
    public async Task<bool> TryClaimAsync(string studentKey, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.TryClaimAsync(studentKey, agent, now, cancellationToken);
    }

    /// <summary>Lets go of a conversation; <paramref name="resolved"/>: what it waited for is dealt with (hand-back).</summary>
    public async Task<bool> ReleaseAsync(string studentKey, string agent, DateTimeOffset now, bool resolved, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.ReleaseAsync(studentKey, agent, now, resolved, cancellationToken);
    }

    /// <summary>For each student on Form 01, the first question not answered yet (the drop-off funnel).</summary>
    public async Task<IReadOnlyList<string>> NextFieldsAsync(CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.NextFieldsAsync(cancellationToken);
    }

    /// <summary>Links a chat user to a roster student (null unlinks).</summary>
    public async Task<bool> LinkAsync(string studentKey, string? rosterId, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        return await store.LinkAsync(studentKey, rosterId, cancellationToken);
    }
}
