using System.Collections.Frozen;
namespace VssBot.Dialogs.Language;

/// <summary>
/// Matches free text against the options of a choice question, in stages; the first stage that
/// finds something decides (one option → match, several → ambiguous):
/// 1. the whole text is an option's value, title or synonym (folded: case and diacritics ignored);
/// 2. a number or ordinal: "2", "số 2", "cái thứ hai", "lựa chọn 3", "ba" (out of range → none);
/// 3. the text contains a whole title/synonym (the longest such label wins);
/// 4. the text begins a label ("cổng" for "Cổng thông tin điện tử…");
/// 5. distinctive words: words of the text found in the labels of only one option;
/// 6. typos: each text word within a small edit distance of a distinctive label word or whole label.
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>Words that carry no preference: "em chọn cái số 2 ạ".</summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet<string>([
        "a", "ah", "em", "minh", "toi", "to", "tui", "chon", "cai", "so", "lua", "lua chon", "phuong", "an",
        "muc", "y", "thu", "la", "nhe", "nha", "oi", "ban", "anh", "chi", "da", "vang", "option", "number", "no",
        "lay", "con", "dap", "ok", "di", "nhi", "ne", "the", "thi", "cua", "va", "o", "tai", "qua", "bang",
        "theo", "cho", "voi", "hinh", "thuc", "dang", "ky",
    ]);

    /// <summary>
    /// Reads the whole message first (<see cref="MessageReading"/>): a question ("I-VAN là gì?") or "không biết" chooses
    /// nothing; after a correction ("cổng à nhầm, i-van") only the last words count; an option named after a negation
    /// ("ko phải bưu điện, nộp trực tiếp") is never the one chosen.
    /// </summary>
    public static ChoiceMatch Recognize(string text, IReadOnlyList<ChoiceOption> choices)
    {
        if (string.IsNullOrWhiteSpace(text) || choices.Count == 0) return ChoiceMatch.None;
        // A yes/no-shaped question ("Đồng ý" / "Không đồng ý", "Đúng, là mình" / "Không phải mình") understands every yes/no form.
        if (YesNoShape(choices) is var (yes, no))
        {
            var answer = YesNoRecognizer.Recognize(text);
            if (answer == YesNo.Yes) return new ChoiceMatch(yes, [yes]);
            if (answer == YesNo.No) return new ChoiceMatch(no, [no]);
        }
        // Each option's labels, folded, and their words (every stage below reads them).
        var options = choices.Select(LabelsOf).ToList();
        var labels = options.Select(o => o.Labels).ToList();
        var labelWords = options.Select(o => o.Words).ToList();
        var whole = VietnameseText.Fold(text);
        if (labels.Any(l => l.Contains(whole))) return Match(text, labels, labelWords);
        if (MessageReading.IsQuestion(text) || YesNoRecognizer.Recognize(text) == YesNo.DontKnow) return ChoiceMatch.None;
        text = MessageReading.AfterLastCorrection(text);
        var (kept, refused) = Negations(text, labels, labelWords);
        if (kept.Length == 0) return ChoiceMatch.None;
        var match = Match(kept, labels, labelWords);
        if (match.Index is int i && refused.Contains(i)) return ChoiceMatch.None;
        if (match.IsAmbiguous && match.Candidates.Except(refused).ToList() is [var only]) return new ChoiceMatch(only, [only]);
        return match;
    }

    /// <summary>The indexes of the yes and the no option when the question has exactly those two, read by their titles.</summary>
    private static (int Yes, int No)? YesNoShape(IReadOnlyList<ChoiceOption> choices)
    {
        if (choices.Count != 2) return null;
        var first = YesNoRecognizer.Recognize(choices[0].Title);
        var second = YesNoRecognizer.Recognize(choices[1].Title);
        return (first, second) switch
        {
            (YesNo.Yes, YesNo.No) => (0, 1),
            (YesNo.No, YesNo.Yes) => (1, 0),
            _ => null,
        };
    }

    /// <summary>Splits off the parts that refuse an option ("không phải bưu điện"): the rest, and the options refused.</summary>
    private static (string Kept, HashSet<int> Refused) Negations(string text, List<HashSet<string>> labels, List<HashSet<string>> labelWords)
    {
        var refused = new HashSet<int>();
        var kept = new List<string>();
        foreach (var part in text.Split([',', ';', '.', '!', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var markers = MessageReading.Markers(part);
            if (markers.FirstOrDefault() is { Kind: MessageReading.Marker.Negation or MessageReading.Marker.Correction, Start: 0 } && markers.Count > 0)
            {
                var named = Match(part, labels, labelWords);
                if (named.Index is int i) refused.Add(i);
                else refused.UnionWith(named.Candidates);
                continue;
            }
            kept.Add(part);
        }
        return (string.Join(", ", kept).Trim(), refused);
    }

    private static ChoiceMatch Match(string text, List<HashSet<string>> labels, List<HashSet<string>> labelWords)
    {
        var count = labels.Count;
        var words = VietnameseText.FoldedWords(text);
        if (words.Count == 0) return ChoiceMatch.None;
        var folded = string.Join(' ', words);
        // A word is distinctive when the labels of exactly one option use it.
        bool IsDistinctive(string word) => labelWords.Count(own => own.Contains(word)) == 1;

        return Decide(Enumerable.Range(0, labels.Count).Where(i => labels[i].Contains(folded)))
            ?? ByNumber(words, count)
            ?? ByContainedLabel(folded, labels)
            ?? ByPrefix(folded, labels)
            ?? ByDistinctiveWords(words, labelWords, IsDistinctive)
            ?? ByTypo(folded, words, labels, labelWords, IsDistinctive)
            ?? ChoiceMatch.None;
    }

    /// <summary>An option's labels (value, title, synonyms) folded, and the words they are made of. Only read.</summary>
    private sealed record OptionLabels(HashSet<string> Labels, HashSet<string> Words);

    /// <summary>
    /// The same for every message to a question: options come from the form's data or from the waiting prompt's
    /// state, so each thread keeps those of the options it read last, matched by content (building them per message
    /// was 4% of a turn's allocations, issue 12).
    /// </summary>
    [ThreadStatic]
    private static RecentResults<ChoiceOption, OptionLabels>? recentLabels;

    private static OptionLabels LabelsOf(ChoiceOption option) =>
        (recentLabels ??= new RecentResults<ChoiceOption, OptionLabels>(64, SameContent.Instance)).GetOrAdd(option, static o =>
        {
            var labels = new[] { o.Value, o.Title }.Concat(o.Synonyms ?? [])
                .Select(VietnameseText.Fold).Where(l => l.Length > 0).ToHashSet();
            return new OptionLabels(labels, labels.SelectMany(l => l.Split(' ')).ToHashSet());
        });

    /// <summary>Options equal by value, title and synonyms (a record compares its synonym list by reference).</summary>
    private sealed class SameContent : IEqualityComparer<ChoiceOption>
    {
        public static readonly SameContent Instance = new();

        public bool Equals(ChoiceOption? x, ChoiceOption? y) =>
            ReferenceEquals(x, y) || x is not null && y is not null
            && string.Equals(x.Value, y.Value, StringComparison.Ordinal) && string.Equals(x.Title, y.Title, StringComparison.Ordinal)
            && (x.Synonyms ?? []).SequenceEqual(y.Synonyms ?? [], StringComparer.Ordinal);

        public int GetHashCode(ChoiceOption option) => HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(option.Value ?? ""), StringComparer.Ordinal.GetHashCode(option.Title ?? ""), option.Synonyms?.Count ?? 0);
    }

    private static ChoiceMatch? Decide(IEnumerable<int> candidates)
    {
        var list = candidates.Distinct().Order().ToList();
        return list.Count switch { 0 => null, 1 => new ChoiceMatch(list[0], list), _ => new ChoiceMatch(null, list) };
    }

    private static ChoiceMatch? ByNumber(IReadOnlyList<string> words, int count)
    {
        var meaningful = words.Where(w => !Fillers.Contains(w)).ToList();
        // "so" and "thu" are fillers, but a lone "số"/"thứ" is no number.
        if (meaningful.Count == 0) return null;
        var number = VietnameseNumbers.Parse(meaningful);
        if (number is null) return null;
        return number >= 1 && number <= count ? new ChoiceMatch(number - 1, [number.Value - 1]) : ChoiceMatch.None;
    }

    private static ChoiceMatch? ByContainedLabel(string folded, List<HashSet<string>> labels)
    {
        var best = labels
            .Select((set, i) => (Index: i, Length: set.Where(l => VietnameseText.ContainsPhrase(folded, l)).Select(l => l.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Length > 0)
            .ToList();
        if (best.Count == 0) return null;
        var max = best.Max(x => x.Length);
        return Decide(best.Where(x => x.Length == max).Select(x => x.Index));
    }

    /// <summary>"cổng" → "Cổng thông tin điện tử…": the text begins a label (whole words, or at least 3 letters).</summary>
    private static ChoiceMatch? ByPrefix(string folded, List<HashSet<string>> labels) =>
        folded.Length < 2 ? null : Decide(Enumerable.Range(0, labels.Count).Where(i => labels[i].Any(l =>
            l.StartsWith(folded + " ", StringComparison.Ordinal) || folded.Length >= 3 && l.StartsWith(folded, StringComparison.Ordinal))));

    private static ChoiceMatch? ByDistinctiveWords(IReadOnlyList<string> words, List<HashSet<string>> labelWords, Func<string, bool> isDistinctive)
    {
        var meaningful = words.Distinct().Count(w => !Fillers.Contains(w) && w.Length >= 2);
        var scores = labelWords.Select(own => words.Distinct().Count(w =>
            !Fillers.Contains(w) && w.Length >= 2 && own.Contains(w) && isDistinctive(w))).ToList();
        var max = scores.Max();
        // One shared word in a long sentence is chance ("sao hỏa" is not "Ứng Hòa"): the option's words must
        // make up at least half of what the student wrote.
        return max == 0 || max * 2 < meaningful ? null : Decide(Enumerable.Range(0, scores.Count).Where(i => scores[i] == max));
    }

    /// <summary>Scores each option by its closest label (whole text) or distinctive label word (per word), relative to the tolerance.</summary>
    private static ChoiceMatch? ByTypo(string folded, IReadOnlyList<string> words, List<HashSet<string>> labels,
        List<HashSet<string>> labelWords, Func<string, bool> isDistinctive)
    {
        // A typo guess is for short answers; in a sentence it mostly finds look-alike words by chance.
        var meaningful = words.Count(w => !Fillers.Contains(w) && w.Length >= 2);
        var distances = labels.Select((set, i) =>
        {
            var whole = set.Select(l => (double)EditDistance.Between(folded, l) / Math.Max(1, EditDistance.Tolerance(l.Length)))
                .Where(d => d <= 1).DefaultIfEmpty(double.MaxValue).Min();
            var perWord = meaningful > 2 ? double.MaxValue : words.Where(w => !Fillers.Contains(w) && w.Length >= 4)
                .SelectMany(w => labelWords[i]
                    .Where(o => o.Length >= 4 && isDistinctive(o))
                    .Select(o => (double)EditDistance.Between(w, o) / EditDistance.Tolerance(o.Length)))
                .Where(d => d <= 1).DefaultIfEmpty(double.MaxValue).Min();
            return Math.Min(whole, perWord);
        }).ToList();
        var min = distances.Min();
        return min == double.MaxValue ? null : Decide(Enumerable.Range(0, distances.Count).Where(i => distances[i] == min));
    }
}
