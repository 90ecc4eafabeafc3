using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using VssBot.Bot.Privacy;
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

/// <summary>
/// The index of chat users the console and dashboard list (the bot state itself is keyed for lookups, not listing).
/// Updated after every turn by <see cref="ConversationRecorder"/>. The conversation reference (it names the user) is
/// encrypted with <see cref="IPersonalDataProtector"/>. A conversation is held by at most one agent: the claim is one
/// conditional UPDATE, atomic in SQLite. Reads and agents' changes first wait for the turns recorded before them.
/// </summary>
public sealed class StudentDirectory(AgentsDatabase database, IPersonalDataProtector protector, Form01Definition form, PendingRecords pending)
{
    public static string KeyOf(IActivity activity) => StudentKey.Of(activity).ToString();

    /// <summary>
    /// Records the latest state of a student after a turn; the open escalation is what happened since the last hand-back.
    /// A chat user not linked yet is linked to the roster student with the id they gave the bot (a link made by staff stays).
    /// </summary>
    public async Task<bool> RecordTurnAsync(string studentKey, ConversationReference reference, StudentProfile? profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE: read and write together
        DateTimeOffset? resolvedAt = null;
        string? before = null;
        await using (var read = connection.Sql("SELECT resolved_at, escalation FROM student_directory WHERE student_key = $key").With("$key", studentKey))
        {
            read.Transaction = transaction;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                resolvedAt = reader.IsDBNull(0) ? null : AgentsDatabase.ParseTimestamp(reader.GetString(0));
                before = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var journey = profile?.Journey ?? new JourneyRecord();
        var open = OpenWaits(profile, resolvedAt).ToList();
        var latest = open.Count > 0 ? open.MaxBy(w => w.At) : ((WaitingReason Reason, string? QuestionKey, DateTimeOffset At)?)null;
        await using (var write = connection.Sql("""
            INSERT INTO student_directory (student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since, next_field, roster_id)
            VALUES ($key, $channel, $reference, $now, $state, $escalation, $question, $since, $next,
                (SELECT student_id FROM roster WHERE student_id = $studentId COLLATE NOCASE LIMIT 1))
            ON CONFLICT (student_key) DO UPDATE SET reference = excluded.reference, last_activity = excluded.last_activity,
                journey_state = excluded.journey_state, escalation = excluded.escalation, question_key = excluded.question_key,
                waiting_since = excluded.waiting_since, next_field = excluded.next_field,
                roster_id = COALESCE(student_directory.roster_id, excluded.roster_id)
            """)
            .With("$key", studentKey).With("$channel", reference.ChannelId)
            .With("$reference", protector.Protect(JsonConvert.SerializeObject(reference), ReferenceContext(studentKey)))
            .With("$now", AgentsDatabase.Timestamp(now)).With("$state", journey.State.ToString())
            .With("$escalation", latest?.Reason.ToString()).With("$question", latest?.QuestionKey)
            .With("$since", open.Count > 0 ? AgentsDatabase.Timestamp(open.Min(w => w.At)) : null)
            .With("$next", NextField(profile)).With("$studentId", profile?.StudentId))
        {
            write.Transaction = transaction;
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return before != latest?.Reason.ToString();
    }

    /// <summary>The first Form 01 question not answered yet, while the student is on the form (for the drop-off funnel).</summary>
    private string? NextField(StudentProfile? profile) =>
        profile?.Journey.State is JourneyState.Installed or JourneyState.Declaring
        || profile?.Journey.State == JourneyState.WithPerson && profile.Journey.StateBeforePerson is JourneyState.Installed or JourneyState.Declaring
            ? form.Fields.FirstOrDefault(f => !profile!.Form.Answers.ContainsKey(f.Key))?.Key
            : null;

    private static IEnumerable<(WaitingReason Reason, string? QuestionKey, DateTimeOffset At)> OpenWaits(StudentProfile? profile, DateTimeOffset? resolvedAt)
    {
        if (profile is null) yield break;
        foreach (var e in profile.Escalations.Where(e => resolvedAt is null || e.At > resolvedAt))
            yield return (e.Reason == EscalationReason.StudentAskedForPerson ? WaitingReason.StudentAskedForPerson : WaitingReason.MaxAttemptsReached, e.QuestionKey, e.At);
        if (profile.Journey.State == JourneyState.Rejected
            && profile.Journey.History.LastOrDefault(h => h.To == JourneyState.Rejected) is { } rejected
            && (resolvedAt is null || rejected.At > resolvedAt))
            yield return (WaitingReason.Rejected, null, rejected.At);
    }

    /// <summary>Conversations that need or have a person: waiting ones and held ones.</summary>
    public Task<IReadOnlyList<DirectoryEntry>> QueueAsync(bool oldestFirst, CancellationToken cancellationToken) =>
        QueryAsync($"""
            WHERE escalation IS NOT NULL OR held_by IS NOT NULL
            ORDER BY COALESCE(waiting_since, held_since) {(oldestFirst ? "ASC" : "DESC")}
            """, [], cancellationToken);

    public async Task<DirectoryEntry?> FindAsync(string studentKey, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE student_key = $key", [("$key", studentKey)], cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DirectoryEntry>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("ORDER BY last_activity DESC", [], cancellationToken);

    /// <summary>Takes the conversation for <paramref name="agent"/> unless another agent holds it. True when taken.</summary>
    public async Task<bool> TryClaimAsync(string studentKey, string agent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            UPDATE student_directory SET held_by = $agent, held_since = $now
            WHERE student_key = $key AND held_by IS NULL
            """).With("$agent", agent).With("$now", AgentsDatabase.Timestamp(now)).With("$key", studentKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Lets go of a conversation; <paramref name="resolved"/>: what it waited for is dealt with (hand-back).</summary>
    public async Task<bool> ReleaseAsync(string studentKey, string agent, DateTimeOffset now, bool resolved, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(resolved
            ? """
              UPDATE student_directory SET held_by = NULL, held_since = NULL, resolved_at = $now,
                  escalation = NULL, question_key = NULL, waiting_since = NULL
              WHERE student_key = $key AND held_by = $agent
              """
            : "UPDATE student_directory SET held_by = NULL, held_since = NULL WHERE student_key = $key AND held_by = $agent")
            .With("$agent", agent).With("$now", AgentsDatabase.Timestamp(now)).With("$key", studentKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>For each student on Form 01, the first question not answered yet (the drop-off funnel).</summary>
    public async Task<IReadOnlyList<string>> NextFieldsAsync(CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT next_field FROM student_directory WHERE next_field IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var fields = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            fields.Add(reader.GetString(0));
        return fields;
    }

    /// <summary>Links a chat user to a roster student (null unlinks).</summary>
    public async Task<bool> LinkAsync(string studentKey, string? rosterId, CancellationToken cancellationToken)
    {
        await pending.WhenWrittenAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("UPDATE student_directory SET roster_id = $id WHERE student_key = $key")
            .With("$id", rosterId).With("$key", studentKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<DirectoryEntry>> QueryAsync(string where, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"""
            SELECT student_key, channel_id, reference, last_activity, journey_state, escalation, question_key, waiting_since,
                   held_by, held_since, roster_id
            FROM student_directory {where}
            """);
        foreach (var (name, value) in parameters)
            command.With(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DirectoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(Read(reader));
        return entries;
    }

    private DirectoryEntry Read(SqliteDataReader reader)
    {
        var key = reader.GetString(0);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new DirectoryEntry(
            key,
            reader.GetString(1),
            JsonConvert.DeserializeObject<ConversationReference>(protector.Unprotect(reader.GetString(2), ReferenceContext(key)))!,
            AgentsDatabase.ParseTimestamp(reader.GetString(3))!.Value,
            Enum.Parse<JourneyState>(reader.GetString(4)),
            Text(5) is { } waiting ? Enum.Parse<WaitingReason>(waiting) : null,
            Text(6),
            AgentsDatabase.ParseTimestamp(Text(7)),
            Text(8),
            AgentsDatabase.ParseTimestamp(Text(9)),
            Text(10));
    }

    private static string ReferenceContext(string studentKey) => "directory/" + studentKey;
}
