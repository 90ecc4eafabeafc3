using VssBot.Bot.Storage;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Agents.Directory;

/// <summary>
/// The name each student gave in Form 01 ("Họ tên"), read from their profiles, so the console and dashboard show people,
/// not "directline/dl_…" keys. Callers audit what they show.
/// </summary>
public sealed class StudentNames(StudentProfiles profiles)
{
    public async Task<string?> OfAsync(DirectoryEntry entry, CancellationToken cancellationToken) =>
        NameIn(await profiles.ReadAsync(StudentKey.Of(entry.Reference), cancellationToken));

    /// <summary>Student key → name, for the entries whose student has answered the name question.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(IEnumerable<DirectoryEntry> entries, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
            if (await OfAsync(entry, cancellationToken) is { } name)
                names[entry.StudentKey] = name;
        return names;
    }

    public static string? NameIn(StudentProfile? profile) => profile?.Form.Get(Form01Declaration.Keys.FullName)?.Display;
}
