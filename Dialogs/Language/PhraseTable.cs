namespace VssBot.Dialogs.Language;

/// <summary>
/// Folded phrases (word sequences) with a meaning, matched greedily longest-first over folded words.
/// Phrases are folded with <see cref="VietnameseText.Fold"/> when the table is built, so tables
/// can be written with diacritics or in chat spelling.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly (string[] Words, T Meaning)[] _phrases;

    public PhraseTable(IEnumerable<(string Phrase, T Meaning)> phrases) =>
        _phrases = phrases
            .Select(p => (Words: VietnameseText.FoldedWords(p.Phrase).ToArray(), p.Meaning))
            .Where(p => p.Words.Length > 0)
            .OrderByDescending(p => p.Words.Length)
            .ToArray();

    /// <summary>The longest phrase starting at word index <paramref name="start"/>, if any.</summary>
    public (int Length, T Meaning)? MatchAt(IReadOnlyList<string> words, int start)
    {
        foreach (var (phrase, meaning) in _phrases)
        {
            if (start + phrase.Length > words.Count) continue;
            var ok = true;
            for (var i = 0; i < phrase.Length && ok; i++) ok = words[start + i] == phrase[i];
            if (ok) return (phrase.Length, meaning);
        }
        return null;
    }

    /// <summary>
    /// Covers all words with phrases and skippable words, left to right, longest phrase first.
    /// Returns the meanings found, or null when some word is neither.
    /// </summary>
    public List<T>? Cover(IReadOnlyList<string> words, IReadOnlySet<string> skippable)
    {
        var meanings = new List<T>();
        for (var i = 0; i < words.Count;)
        {
            if (MatchAt(words, i) is var (length, meaning)) { meanings.Add(meaning); i += length; }
            else if (skippable.Contains(words[i])) i++;
            else return null;
        }
        return meanings;
    }

    /// <summary>Whether some phrase occurs anywhere in the words.</summary>
    public bool ContainsAnywhere(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
            if (MatchAt(words, i) is not null) return true;
        return false;
    }
}
