using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads a full name ("em tên là nguyễn thành biên ạ" → "Nguyễn Thành Biên"). Lead-ins are stripped
/// ("em tên là", "tên em là", "mình là", "họ tên:", "họ và tên của em là"); only the first part before
/// a comma, semicolon or line break is read. The student's own diacritics are kept (NFC), and every
/// word is title-cased ("H'hen" → "H'Hen"). Invalid: digits, "@", a single word, more than 7 words or
/// 60 letters, a word longer than 7 letters, a yes/no answer ("không biết"), or a chat word no name has ("hỏi", "gì", "app").
/// Emoji are left out ("Đặng Thùy Trâm 😊").
/// </summary>
public static class NameRecognizer
{
    private const int MinWords = 2, MaxWords = 7, MaxLength = 60, MaxWordLength = 7;

    private static readonly FrozenSet<string> Subjects = FrozenSet.ToFrozenSet<string>(["em", "minh", "toi", "to", "tui"]);
    /// <summary>
    /// Chat words that are no syllable of a Vietnamese name, as typed (with their marks, lower case): a message holding one
    /// is a question or a sentence ("cho em hỏi cách cài app"), not a name. Plain spellings only where no name folds to them.
    /// </summary>
    private static readonly FrozenSet<string> NotNameWords = FrozenSet.ToFrozenSet<string>([
        "là", "của", "hỏi", "cách", "cài", "gì", "vậy", "bạn", "không", "nhé", "ơi", "giúp", "nào", "được", "muốn", "làm", "sao", "đâu",
        "app", "gi", "vay", "nhe", "giup", "muon", "cach", "cai",
    ]);

    /// <summary>Polite openers as typed: "vàng" (a Hmong surname) is not "vâng"; plain "vang" is stripped only when a name remains.</summary>
    private static readonly FrozenSet<string> Politeness = FrozenSet.ToFrozenSet<string>(["dạ", "da", "vâng", "vang", "ok", "chào", "chao", "xin", "bạn", "ban", "a", "ạ", "ad", "ơi", "oi", "dạ vâng"]);

    /// <summary>Words that end the name in a pasted block: "Họ và tên: Lê Thu Trang - SĐT: …".</summary>
    private static readonly FrozenSet<string> NextLabels = FrozenSet.ToFrozenSet<string>([
        "sđt", "sdt", "số", "so", "email", "mail", "gmail", "cccd", "cmnd", "zalo", "đt", "dt", "điện", "dien", "ngày", "sinh", "địa", "dia", "mã", "ma"]);

    /// <summary>Phrases that describe a person without naming them ("sinh viên năm nhất").</summary>
    private static readonly string[] NotNamePhrases = ["sinh vien", "hoc sinh", "nam nhat", "nam hai", "nam ba", "nam tu", "nam cuoi"];

    public static NameReading Recognize(string text)
    {
        var invalid = new NameReading(false, null, VietnameseText.HasDiacritics(text ?? ""));
        if (string.IsNullOrWhiteSpace(text) || text.Contains('@')) return invalid;
        // The last correction wins; a part naming someone else ("tên của mẹ em là …") is not the student's name.
        var parts = MessageReading.AfterLastCorrection(text).Normalize(NormalizationForm.FormC).Split([',', ';', '\n', '.', '!', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim()).Where(p => p.Any(char.IsLetter)).ToList();
        var part = parts.FirstOrDefault(p => !MessageReading.NamesSomeoneElse(p)) ?? "";
        var words = part.Split([' ', '\t', ':', '-', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit)).ToList(); // an emoji or a lone symbol is no word of the name
        words = StripTrailingParticles(UpToNextLabel(StripLeadIn(AfterLastLeadIn(words))));

        if (words.Count is < MinWords or > MaxWords || words.Sum(w => w.Length) > MaxLength) return invalid;
        if (words.Any(w => w.Length > MaxWordLength + 2 || !w.All(IsNameChar) || !char.IsLetter(w[0]))) return invalid;
        if (YesNoRecognizer.Recognize(string.Join(' ', words)) is not null) return invalid;
        if (words.Any(w => NotNameWords.Contains(w.ToLowerInvariant()))) return invalid;
        var foldedName = " " + VietnameseText.Fold(string.Join(' ', words)) + " ";
        if (NotNamePhrases.Any(p => foldedName.Contains($" {p} ", StringComparison.Ordinal))) return invalid;

        var name = string.Join(' ', words.Select(TitleCase));
        // A name given after taking a first one back, or with a doubt, is read back before it is stored.
        var certainty = MessageReading.IsUnsure(text) ? Certainty.Hedged
            : MessageReading.AfterLastCorrection(text) != text.Normalize(NormalizationForm.FormC) ? Certainty.Corrected : Certainty.Exact;
        return new NameReading(true, name, VietnameseText.HasDiacritics(name), certainty);
    }

    /// <summary>"cháu nhà tôi tên Trần Bảo Ngọc", "tên của con là …": what follows the last "tên"/"là" when at least two words follow.</summary>
    private static List<string> AfterLastLeadIn(List<string> words)
    {
        for (var k = words.Count - 3; k >= 1; k--)
        {
            var lower = words[k].ToLowerInvariant();
            // Folded too: "teen laf" (Telex left on) is "tên là"; a capitalised "La" stays the surname.
            var folded = lower == words[k] ? VietnameseText.FoldToken(lower) : "";
            if (lower is "tên" or "ten" || IsWordLa(words[k]) || folded is "ten" or "la") return words.Skip(k + 1).ToList();
        }
        return words;
    }

    /// <summary>The name ends where the next label of a pasted block starts ("… - SĐT: …"); a bare number stays and makes it invalid.</summary>
    private static List<string> UpToNextLabel(List<string> words)
    {
        var end = 0;
        while (end < words.Count && !(end >= 2 && NextLabels.Contains(words[end].ToLowerInvariant()))) end++;
        return words.Take(end).ToList();
    }

    /// <summary>Drops "dạ", "em tên là", "họ và tên:", "mình là"… A leading "Lã"/"La" surname is kept: "là" counts only after a subject or "tên".</summary>
    private static List<string> StripLeadIn(List<string> words)
    {
        var folded = words.Select(w => VietnameseText.FoldToken(w)).ToList();
        var i = 0;
        while (i < words.Count && Politeness.Contains(words[i].ToLowerInvariant())) i++;
        // "vang a sung": stripping would leave no name, so the plain words were the name.
        if (words.Count - i < MinWords && words.Count >= MinWords) i = 0;
        var start = i;
        var subject = i < words.Count && Subjects.Contains(folded[i]);
        if (subject) i++;
        var named = false;
        if (i + 1 < words.Count && folded[i] == "ho" && folded[i + 1] == "ten") { named = true; i += 2; }
        else if (i + 2 < words.Count && folded[i] == "ho" && folded[i + 1] == "va" && folded[i + 2] == "ten") { named = true; i += 3; }
        else if (i < words.Count && folded[i] == "ten") { named = true; i++; }
        if (named)
        {
            if (i + 1 < words.Count && folded[i] is "day" && folded[i + 1] is "du") i += 2; // "tên đầy đủ"
            if (i < words.Count && folded[i] == "cua") i++;                                 // "tên của em"
            if (i < words.Count && Subjects.Contains(folded[i])) i++;                       // "tên em"
        }
        if ((named || subject) && i < words.Count && IsWordLa(words[i])) i++;
        else if (!named) i = start + (start < words.Count && words[start].ToLowerInvariant() is "em" or "e" ? 1 : 0); // "Tô Lâm": "tô" is a surname, not "tớ"
        return words.Skip(i).ToList();
    }

    /// <summary>"là" in any case, "la" only in lower case: a capitalised "La" is the surname La.</summary>
    private static bool IsWordLa(string word) => word.ToLowerInvariant() == "là" || word == "la";

    private static List<string> StripTrailingParticles(List<string> words)
    {
        while (words.Count > 0 && words[^1].ToLowerInvariant() is "ạ" or "nhé" or "nha" or "nhe" or "ah" or "à")
            words.RemoveAt(words.Count - 1);
        return words;
    }

    private static bool IsNameChar(char c) =>
        char.IsLetter(c) || c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static string TitleCase(string word)
    {
        var sb = new StringBuilder(word.ToLowerInvariant());
        for (var i = 0; i < sb.Length; i++)
            if (i == 0 || sb[i - 1] is '\'' or '’') sb[i] = char.ToUpperInvariant(sb[i]);
        return sb.ToString();
    }
}
