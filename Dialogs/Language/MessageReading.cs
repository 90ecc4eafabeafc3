using System.Collections.Frozen;

namespace VssBot.Dialogs.Language;

/// <summary>A value spotted in a message, where it was typed, and how surely it was read by itself.</summary>
public readonly record struct Spotted<T>(int Index, int Length, T Value, Certainty Certainty = Certainty.Extracted);

/// <summary>The value the whole message gives, how surely, and the candidates when it offered several.</summary>
public sealed record Picked<T>(T Value, Certainty Certainty, IReadOnlyList<T> Candidates);

/// <summary>
/// Reads a whole message like a person (markers in Language/Data/message-markers.vi.tsv): the last correction wins
/// ("… à nhầm, …", "… mới đúng"); a value said to be someone else's ("số của mẹ em …") is not the student's; a hedge
/// ("hình như", "chắc là", "để em xem lại") or a question back makes the reading unsure; two values offered ("hoặc")
/// or given side by side are choices, not an answer.
/// </summary>
public static class MessageReading
{
    public enum Marker { Correction, Confirmed, Hedge, Alternative, Other, Own, Question, Negation }

    private sealed record Entry(string[] Words, Marker Kind, bool Exact);

    private static readonly Entry[] Entries = LanguageTables.Rows("message-markers.vi.tsv")
        .Select(r => new Entry(
            r[2] == "exact" ? r[1].ToLowerInvariant().Split(' ') : VietnameseText.FoldedWords(r[1]).ToArray(),
            Enum.Parse<Marker>(r[0], ignoreCase: true), r[2] == "exact"))
        .Where(e => e.Words.Length > 0)
        .OrderByDescending(e => e.Words.Length)
        .ToArray();

    /// <summary>The markers in a piece of text, left to right, longest first, not overlapping: kind, first word, word after, and where it ends in the text.</summary>
    public static IReadOnlyList<(Marker Kind, int Start, int End, int TextEnd)> Markers(string text)
    {
        text ??= "";
        var found = new List<(Marker, int, int, int)>();
        var offset = 0;
        var clauseStart = 0;
        // A marker never spans punctuation: "Chào bạn, mình tên là …" holds no "bạn mình".
        foreach (var clause in text.Split(ClauseBreaks))
        {
            var words = VietnameseText.TypedAndFolded(clause);
            for (var i = 0; i < words.Count;)
            {
                var entry = Entries.FirstOrDefault(e => Matches(e, words, i));
                if (entry is null) { i++; continue; }
                found.Add((entry.Kind, offset + i, offset + i + entry.Words.Length, clauseStart + words[i + entry.Words.Length - 1].End));
                i += entry.Words.Length;
            }
            offset += words.Count;
            clauseStart += clause.Length + 1;
        }
        return found;
    }

    private static readonly char[] ClauseBreaks = [',', ';', '.', '!', '?', '\n', ':', '(', ')'];

    private static bool Matches(Entry entry, IReadOnlyList<(string Typed, string Folded, int End)> words, int start)
    {
        if (start + entry.Words.Length > words.Count) return false;
        for (var i = 0; i < entry.Words.Length; i++)
            if ((entry.Exact ? words[start + i].Typed : words[start + i].Folded) != entry.Words[i]) return false;
        return true;
    }

    public static bool Has(string text, Marker kind) => Markers(text).Any(m => m.Kind == kind);

    /// <summary>Not an answer but a doubt or a question: a hedge, a question phrase, or a question mark.</summary>
    public static bool IsUnsure(string text) => Has(text, Marker.Hedge) || IsQuestion(text);

    public static bool IsQuestion(string text) => (text ?? "").TrimEnd().EndsWith('?') || (text ?? "").Contains('?') || Has(text ?? "", Marker.Question);

    /// <summary>What the student says last when they took something back: "trực tiếp à nhầm, bưu điện" → "bưu điện".</summary>
    public static string AfterLastCorrection(string text)
    {
        text = (text ?? "").Normalize(System.Text.NormalizationForm.FormC);
        var last = Markers(text).LastOrDefault(m => m.Kind == Marker.Correction);
        if (last == default) return text;
        var rest = text[Math.Min(last.TextEnd, text.Length)..].TrimStart(' ', ',', '.', ';', ':', '-', '!');
        return rest.Any(char.IsLetterOrDigit) ? rest : text;
    }

    /// <summary>The student's own value among those spotted (in text order), or null when none was spotted.</summary>
    public static Picked<T>? Pick<T>(string text, IReadOnlyList<Spotted<T>> spotted, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        if (spotted.Count == 0) return null;
        var ordered = spotted.OrderBy(s => s.Index).ToList();
        var own = new List<Spotted<T>>();
        var end = 0;
        foreach (var s in ordered)
        {
            if (!IsSomeoneElses(text[end..Math.Max(end, s.Index)])) own.Add(s);
            end = Math.Max(end, s.Index + s.Length);
        }
        if (own.Count == 0) return new Picked<T>(ordered[^1].Value, Certainty.SomeoneElse, []);

        var chosen = own[0];
        var certainty = chosen.Certainty;
        var candidates = new List<T> { chosen.Value };
        for (var i = 1; i < own.Count; i++)
        {
            var next = own[i];
            if (comparer.Equals(next.Value, chosen.Value)) continue;
            var between = text[(chosen.Index + chosen.Length)..Math.Max(chosen.Index + chosen.Length, next.Index)];
            var markers = Markers(between);
            if (markers.Any(m => m.Kind is Marker.Correction or Marker.Negation))
            {
                chosen = next;
                certainty = Certainty.Corrected;
                candidates = [next.Value];
                continue;
            }
            if (!candidates.Contains(next.Value, comparer)) candidates.Add(next.Value);
            certainty = Certainty.Several;
        }
        if (certainty == Certainty.Several) return new Picked<T>(chosen.Value, Certainty.Several, candidates);

        // "mới đúng" after the first of two values confirms a correction even without "nhầm".
        var after = text[Math.Min(text.Length, chosen.Index + chosen.Length)..];
        var afterMarkers = Markers(after);
        if (afterMarkers.Any(m => m.Kind == Marker.Correction)) return new Picked<T>(chosen.Value, Certainty.Hedged, candidates);
        if (IsUnsure(text)) return new Picked<T>(chosen.Value, Certainty.Hedged, candidates);
        if (certainty is Certainty.Extracted && IsWholeMessage(text, chosen)) certainty = Certainty.Exact;
        return new Picked<T>(chosen.Value, certainty, candidates);
    }

    /// <summary>The text names someone else ("tên của mẹ em là …") and not the student again.</summary>
    public static bool NamesSomeoneElse(string text) => IsSomeoneElses(text);

    /// <summary>The words before a value (since the previous value) name someone else and not the student again.</summary>
    private static bool IsSomeoneElses(string lead)
    {
        var markers = Markers(lead);
        var other = markers.LastOrDefault(m => m.Kind == Marker.Other);
        if (other == default) return false;
        // "của bố em là …": the "em là" right after names the father's child, not a new owner.
        return !markers.Any(m => m.Kind == Marker.Own && m.Start > other.End);
    }

    private static bool IsWholeMessage<T>(string text, Spotted<T> s) =>
        !text[..s.Index].Any(char.IsLetterOrDigit) && !text[(s.Index + s.Length)..].Any(char.IsLetterOrDigit);
}
