using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Directory;

/// <summary>What a turn changes in a student's directory row (computed from the row's last hand-back time).</summary>
public sealed record DirectoryTurn(DateTimeOffset Now, string JourneyState, string? Escalation, string? QuestionKey, DateTimeOffset? WaitingSince,
    string? NextField, string? StudentId);

/// <summary>One turn for <see cref="IStudentDirectoryStore.RecordTurnsAsync"/>: the row's change, given its last hand-back time.</summary>
public sealed record StudentTurn(string StudentKey, ConversationReference Reference, Func<DateTimeOffset?, DirectoryTurn> Turn);

/// <summary>
/// The table behind <see cref="StudentDirectory"/>: the SQLite file (one instance) or PostgreSQL (shared by replicas).
/// The conversation reference is stored encrypted (<see cref="DirectoryReference"/>). A conversation is held by at most
/// one agent: <see cref="TryClaimAsync"/> is one conditional UPDATE, exclusive across replicas.
/// </summary>
public interface IStudentDirectoryStore
{
    /// <summary>
    /// Upserts the student's row with <paramref name="turn"/> (given the row's last hand-back time, null if none), reading
    /// and writing atomically; links a row without a roster link to the roster student of <see cref="DirectoryTurn.StudentId"/>
    /// (any letter case). Returns the escalation the row had before.
    /// </summary>
    async Task<string?> RecordTurnAsync(string studentKey, ConversationReference reference, Func<DateTimeOffset?, DirectoryTurn> turn, CancellationToken cancellationToken) =>
        (await RecordTurnsAsync([new StudentTurn(studentKey, reference, turn)], cancellationToken))[0];

    /// <summary>
    /// <see cref="RecordTurnAsync"/> for several turns in order, in one transaction (the recorder writes what queued up
    /// during a write in one go). Returns, for each turn, the escalation its row had before it.
    /// </summary>
    Task<IReadOnlyList<string?>> RecordTurnsAsync(IReadOnlyList<StudentTurn> turns, CancellationToken cancellationToken);

    /// <summary>Rows waiting for or held by a person, by waiting (else held) time.</summary>
    Task<IReadOnlyList<DirectoryEntry>> QueueAsync(bool oldestFirst, CancellationToken cancellationToken);

    Task<DirectoryEntry?> FindAsync(string studentKey, CancellationToken cancellationToken);

    /// <summary>Every row, latest activity first.</summary>
    Task<IReadOnlyList<DirectoryEntry>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Sets the holder when there is none. True when taken.</summary>
    Task<bool> TryClaimAsync(string studentKey, string agent, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Clears the holder when it is <paramref name="agent"/>; <paramref name="resolved"/> also closes the wait (hand-back time = now).</summary>
    Task<bool> ReleaseAsync(string studentKey, string agent, DateTimeOffset now, bool resolved, CancellationToken cancellationToken);

    /// <summary>Every non-null next field (the drop-off funnel).</summary>
    Task<IReadOnlyList<string>> NextFieldsAsync(CancellationToken cancellationToken);

    /// <summary>Retention: deletes the rows with no activity since <paramref name="cutoff"/> that no agent holds; returns how many.</summary>
    Task<int> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Sets (or clears) the roster link. False when the row does not exist.</summary>
    Task<bool> LinkAsync(string studentKey, string? rosterId, CancellationToken cancellationToken);
}

/// <summary>The conversation reference (it names the user) as stored: JSON encrypted with the data key, bound to the student key.</summary>
public static class DirectoryReference
{
    public static string Protect(IPersonalDataProtector protector, string studentKey, ConversationReference reference) =>
        protector.Protect(JsonConvert.SerializeObject(reference), Context(studentKey));

    /// <summary>
    /// <see cref="Protect"/>'s text as ASCII bytes, for a store that binds them as text: the same JSON (JsonConvert's
    /// defaults), written as UTF-8 into a pooled buffer, without the string, its UTF-8 copy and the text's own string
    /// that every turn's directory row paid for (issue 12).
    /// </summary>
    public static byte[] ProtectToAscii(IPersonalDataProtector protector, string studentKey, ConversationReference reference)
    {
        using var json = new PooledBufferStream(1024);
        using (var writer = json.JsonWriter())
            JsonSerializer.CreateDefault().Serialize(writer, reference);
        return protector.ProtectToAscii(json.Written, Context(studentKey));
    }

    public static ConversationReference Unprotect(IPersonalDataProtector protector, string studentKey, string stored) =>
        JsonConvert.DeserializeObject<ConversationReference>(protector.Unprotect(stored, Context(studentKey)))!;

    private static string Context(string studentKey) => "directory/" + studentKey;
}
