using System.Collections.Frozen;
using System.Text;

namespace VssBot.Dialogs.Language;

/// <summary>
/// The tab-separated tables in Language/Data (embedded as "Language/&lt;file&gt;"): rows of cells, comments (#) and the
/// header row left out. Read once; the tables are immutable.
/// </summary>
internal static class LanguageTables
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        var name = "Language/" + fileName;
        using var stream = typeof(LanguageTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            rows.Add(line.Split('\t').Select(c => c.Trim().Normalize(NormalizationForm.FormC)).ToArray());
        }
        return rows;
    }
}

/// <summary>
/// Typed words → folded words (normalisation.vi.tsv): teen code, regional words, device names as said. An entry typed
/// without diacritics matches only words typed without diacritics; one with diacritics matches only that spelling.
/// </summary>
internal sealed class TypedWordTable
{
    // Entries by their first typed word, longest first: a word is looked up once instead of compared with every entry.
    private readonly FrozenDictionary<string, (string[] Typed, string[] Folded)[]> _byFirstWord;

    private TypedWordTable(IEnumerable<(string Typed, string Folded)> entries) =>
        _byFirstWord = entries
            .Select(e => (Typed: e.Typed.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries),
                          Folded: e.Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(e => e.Typed.Length > 0)
            .GroupBy(e => e.Typed[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Typed.Length).ToArray(), StringComparer.Ordinal);

    /// <summary>Everything but spoken e-mail punctuation ("a còng"), which only the e-mail reader rewrites.</summary>
    public static TypedWordTable Chat { get; } = new(LanguageTables.Rows("normalisation.vi.tsv")
        .Where(r => r[0] != "voice").Select(r => (r[1], r[2])));

    /// <summary>Spoken e-mail punctuation: "a còng" → "@", "chấm com" → ". com".</summary>
    public static IReadOnlyList<(string Typed, string Meaning)> Voice { get; } = LanguageTables.Rows("normalisation.vi.tsv")
        .Where(r => r[0] == "voice").Select(r => (r[1], r[2])).ToArray();

    /// <summary>The longest entry matching the typed words at <paramref name="start"/>: its length in words and its folded words.</summary>
    /// <remarks>
    /// Words match exactly (ordinal): an entry typed without diacritics thus matches only a word typed without them,
    /// and one with diacritics only that spelling.
    /// </remarks>
    public (int Length, string[] Folded)? MatchAt(IReadOnlyList<string> typed, int start)
    {
        if (start >= typed.Count || !_byFirstWord.TryGetValue(typed[start], out var candidates))
            return null;
        foreach (var (words, folded) in candidates)
        {
            if (start + words.Length > typed.Count) continue;
            var ok = true;
            for (var i = 1; i < words.Length && ok; i++) ok = string.Equals(words[i], typed[start + i], StringComparison.Ordinal);
            if (ok) return (words.Length, folded);
        }
        return null;
    }
}
