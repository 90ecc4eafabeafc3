namespace VssBot.Dialogs.Reference;

/// <summary>
/// Fuzzy lookup of named items (provinces, communes): diacritic-insensitive, kind words optional, aliases,
/// close typos and whole-word partial matches. Immutable once built.
/// </summary>
internal sealed class NameIndex<T>
{
    private const int MaxResults = 8;
    private readonly Entry[] _entries;
    private readonly (string Folded, string? Kind)[] _kindWords;

    /// <param name="kindWords">Words that may precede a name, folded ("phuong", "p"), with the kind they hint at (null: no hint).</param>
    public NameIndex(IEnumerable<(T Item, string Name, string Kind, IEnumerable<string> Aliases)> items,
        IEnumerable<(string Word, string? Kind)> kindWords)
    {
        _entries = items.Select(i => Entry.Of(i.Item, ReferenceText.Lower(i.Name), i.Kind,
            new[] { ReferenceText.Fold(i.Name) }.Concat(i.Aliases.Select(ReferenceText.Fold)).Where(k => k.Length > 0).Distinct().ToArray()))
            .ToArray();
        _kindWords = kindWords.Select(k => (ReferenceText.Fold(k.Word), k.Kind)).ToArray();
    }

    /// <summary>Best first; exactly one element when the match is certain; empty when nothing is close.</summary>
    public IReadOnlyList<T> Find(string? text)
    {
        var ranked = RankEntries(text);
        if (ranked.Count == 0) return [];
        // A name found inside a sentence covers the shorter names inside it: "… xã Tây Khánh Sơn ạ" is not also "Khánh Sơn".
        if (IsInsideText(ranked[0].Score))
            ranked = ranked.Where((r, i) => i == 0 || !(IsInsideText(r.Score) && ContainsWords(ranked[0].Entry.Keys[0], r.Entry.Keys[0]))).ToList();
        var scored = ranked.Select(r => (r.Entry.Item, r.Score)).ToList();
        var best = scored[0].Score;
        var next = scored.Count > 1 ? scored[1].Score : double.MaxValue;
        var certain = scored.Count == 1 || (best < 0.5 && next >= 0.5) || (best < 0.2 && next > best) || next - best >= 1.0;
        if (certain) return [scored[0].Item];
        // Keep the near-misses close to the best one.
        return scored.Where(s => s.Score <= best + 1.5).Take(MaxResults).Select(s => s.Item).ToArray();
    }

    /// <summary>Every item that is close, best first, with its score: 0 exact (+0.1 diacritics differ, +0.5 other kind), 1..3 typos, 2+ partial.</summary>
    public IReadOnlyList<(T Item, double Score)> Rank(string? text) => RankEntries(text).Select(r => (r.Entry.Item, r.Score)).ToArray();

    /// <summary>The score of a name found inside a longer text (2.0 plus the length of the rest, see <see cref="Score"/>).</summary>
    private static bool IsInsideText(double score) => score is >= 2.0 and < 2.5;

    private List<(Entry Entry, double Score)> RankEntries(string? text)
    {
        var folded = ReferenceText.Fold(text);
        if (folded.Length == 0) return [];
        var (stripped, prefix) = ReferenceText.StripPrefix(folded, _kindWords.Select(k => k.Folded));
        var kindHint = prefix is null ? null : _kindWords.First(k => k.Folded == prefix).Kind;
        var lower = ReferenceText.Lower(text);
        var lowerStripped = prefix is null ? lower : StripWords(lower, prefix.Split(' ').Length);

        // The query's forms are worked out once, not for each of the thousands of names scored.
        var query = new Query(folded);
        var strippedQuery = prefix is null ? null : new Query(stripped);
        var scored = new List<(Entry Entry, double Score, string Name)>();
        foreach (var e in _entries)
        {
            var score = Math.Min(Score(query, e), strippedQuery is null ? double.MaxValue : Score(strippedQuery, e));
            if (score == double.MaxValue) continue;
            if (kindHint is not null && !string.Equals(kindHint, e.Kind, StringComparison.Ordinal)) score += 0.5;
            // Diacritics written by the user and matching exactly outrank a folded-only match ("Văn Lang" vs "Văn Lãng").
            if (score < 0.5 && lower != e.LowerName && lowerStripped != e.LowerName) score += 0.1;
            scored.Add((e, score, e.LowerName));
        }
        scored.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.Name, b.Name));
        return scored.Select(s => (s.Entry, s.Score)).ToList();
    }

    private static string StripWords(string text, int words)
    {
        var parts = text.Split(' ');
        return parts.Length > words ? string.Join(' ', parts.Skip(words)) : text;
    }

    /// <summary>0 exact; 1..3 edit distance; 2.5+ whole-word partial match; MaxValue when not close.</summary>
    private static double Score(Query q, Entry e)
    {
        var best = double.MaxValue;
        var (query, despaced) = (q.Text, q.Despaced);
        for (var k = 0; k < e.Keys.Length; k++)
        {
            var key = e.Keys[k];
            if (key == query || e.DespacedKeys[k] == despaced) return 0;
            // Everyday names (after the official one) are short and typed as they are: one typo fewer is forgiven ("thu duc" is not "thủ đô").
            var tolerance = (despaced.Length <= 3 ? 0 : despaced.Length <= 5 ? 1 : despaced.Length <= 9 ? 2 : 3) - (k > 0 ? 1 : 0);
            if (tolerance > 0)
            {
                var d = Language.EditDistance.Between(query, key, tolerance);
                if (d <= tolerance) best = Math.Min(best, d);
            }
            if (ContainsWords(key, query))
                best = Math.Min(best, 2.5 + (key.StartsWith(query, StringComparison.Ordinal) ? 0 : 0.2) + 0.01 * (key.Length - query.Length));
            else if (key.Length >= 4 && ContainsWords(query, key)) best = Math.Min(best, 2.0 + 0.01 * (query.Length - key.Length));
        }
        return best;
    }

    private static bool ContainsWords(string haystack, string needle) =>
        haystack.Length > needle.Length && Language.VietnameseText.ContainsPhrase(haystack, needle)
        || (needle.Length >= 2 && haystack.StartsWith(needle, StringComparison.Ordinal) && haystack.Length > needle.Length);

    /// <summary>A folded query and the same without spaces ("ha noi" and "hanoi" name the same place).</summary>
    private sealed record Query(string Text)
    {
        public string Despaced { get; } = Text.Replace(" ", "");
    }

    /// <param name="DespacedKeys">Each key without spaces, in the order of <paramref name="Keys"/>.</param>
    private sealed record Entry(T Item, string LowerName, string Kind, string[] Keys, string[] DespacedKeys)
    {
        public static Entry Of(T item, string lowerName, string kind, string[] keys) =>
            new(item, lowerName, kind, keys, [.. keys.Select(k => k.Replace(" ", ""))]);
    }
}
