using VssBot.Bot.Privacy;

namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// The table behind <see cref="StudentTranscript"/>: the SQLite file (one instance) or PostgreSQL (shared by replicas).
/// Each text is stored encrypted with the data key, bound to the student key (<see cref="TranscriptText"/>).
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends each entry's lines in order and keeps only each student's last <paramref name="keep"/> lines, all in one
    /// transaction (the recorder writes what queued up during a write in one go).
    /// </summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, int keep, CancellationToken cancellationToken);

    /// <summary>One student's lines of one turn.</summary>
    Task AppendAsync(string studentKey, IReadOnlyList<(Sender Sender, string Text)> lines, DateTimeOffset at, int keep, CancellationToken cancellationToken) =>
        AppendAsync([new TranscriptEntry(studentKey, lines, at)], keep, cancellationToken);

    /// <summary>Retention: deletes the lines written before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> lines, newest first.</summary>
    Task<IReadOnlyList<TranscriptLine>> NewestAsync(string studentKey, int count, CancellationToken cancellationToken);
}

/// <summary>The lines one turn adds to a student's transcript.</summary>
public sealed record TranscriptEntry(string StudentKey, IReadOnlyList<(Sender Sender, string Text)> Lines, DateTimeOffset At);

public static class TranscriptText
{
    public static string Protect(IPersonalDataProtector protector, string studentKey, string text) => protector.Protect(text, Context(studentKey));

    /// <summary><see cref="Protect"/>'s text as ASCII bytes, for a store that binds them as text.</summary>
    public static byte[] ProtectToAscii(IPersonalDataProtector protector, string studentKey, string text) => protector.ProtectToAscii(text, Context(studentKey));

    public static string Unprotect(IPersonalDataProtector protector, string studentKey, string stored) => protector.Unprotect(stored, Context(studentKey));

    private static string Context(string studentKey) => "transcript/" + studentKey;
}
