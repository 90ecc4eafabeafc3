using System.Collections.Frozen;
namespace VssBot.Dialogs.Language;

/// <summary>
/// Understands short answers to yes/no questions. The whole message must be made of yes/no
/// phrases and polite filler words ("dạ", "ạ", "em", "nhé"…); a longer sentence is not an answer.
/// Precedence comes from the longest phrase: "không đồng ý" (No) beats "không" + "đồng ý",
/// "không biết" and "chưa có" are DontKnow, "không có" is No, "có rồi" is Yes. Mixed answers ("có, không") → null.
/// </summary>
public static class YesNoRecognizer
{
    private const int MaxWords = 8;

    private static readonly PhraseTable<YesNo> Phrases = new(
    [
        // DontKnow: before No/Yes by length ("không biết" beats "không").
        ("không biết", YesNo.DontKnow), ("chưa biết", YesNo.DontKnow), ("không rõ", YesNo.DontKnow),
        ("chưa rõ", YesNo.DontKnow), ("chưa có", YesNo.DontKnow),
        ("không nhớ", YesNo.DontKnow), ("chưa nhớ", YesNo.DontKnow), ("không chắc", YesNo.DontKnow),
        ("chưa chắc", YesNo.DontKnow), ("biết đâu", YesNo.DontKnow), ("chịu", YesNo.DontKnow),
        ("không biết nữa", YesNo.DontKnow), ("idk", YesNo.DontKnow), ("dont know", YesNo.DontKnow),
        ("i dont know", YesNo.DontKnow), ("không hiểu", YesNo.DontKnow),
        // No
        ("không", YesNo.No), ("chưa", YesNo.No), ("sai", YesNo.No), ("sai rồi", YesNo.No),
        ("không đúng", YesNo.No), ("chưa đúng", YesNo.No), ("không phải", YesNo.No),
        ("không đồng ý", YesNo.No), ("không được", YesNo.No), ("không chính xác", YesNo.No),
        ("không muốn", YesNo.No), ("không cần", YesNo.No), ("thôi khỏi", YesNo.No), ("khỏi", YesNo.No),
        ("khỏi cần", YesNo.No), ("thôi", YesNo.No), ("nhầm rồi", YesNo.No), ("no", YesNo.No), ("nope", YesNo.No),
        ("nah", YesNo.No), ("not", YesNo.No), ("n", YesNo.No),
        ("đâu có", YesNo.No), ("không hề", YesNo.No),
        // "không có" is a plain no ("hổng có", "ko có đâu"); "chưa có" (not yet) stays DontKnow.
        ("không có", YesNo.No),
        // Yes
        ("có", YesNo.Yes), ("có rồi", YesNo.Yes), ("ừ", YesNo.Yes), ("ừm", YesNo.Yes), ("ờ", YesNo.Yes),
        ("uh", YesNo.Yes), ("uhm", YesNo.Yes), ("um", YesNo.Yes), ("uk", YesNo.Yes), ("uki", YesNo.Yes),
        ("ok", YesNo.Yes), ("đúng", YesNo.Yes), ("đúng rồi", YesNo.Yes), ("chuẩn", YesNo.Yes),
        ("chuẩn rồi", YesNo.Yes), ("chính xác", YesNo.Yes), ("yes", YesNo.Yes), ("y", YesNo.Yes),
        ("yeah", YesNo.Yes), ("yep", YesNo.Yes), ("yup", YesNo.Yes), ("đồng ý", YesNo.Yes),
        ("được", YesNo.Yes), ("được rồi", YesNo.Yes), ("chắc chắn", YesNo.Yes), ("tất nhiên", YesNo.Yes), ("phải", YesNo.Yes), ("phải rồi", YesNo.Yes),
        ("đúng vậy", YesNo.Yes), ("sure", YesNo.Yes), ("xác nhận", YesNo.Yes), ("chốt", YesNo.Yes),
        ("oke luôn", YesNo.Yes), ("đúng thế", YesNo.Yes), ("có chứ", YesNo.Yes),
    ]);

    /// <summary>Polite particles, pronouns and softeners that carry no yes/no meaning ("đâu" as in "không cần đâu").</summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet<string>([
        "a", "ah", "ak", "oi", "nhe", "nha", "nhen", "ne", "em", "minh", "toi", "to", "tui", "ban", "anh",
        "chi", "bot", "ad", "luon", "vay", "day", "do", "ha", "nhi", "the", "ma", "cung", "roi", "chu", "lam",
        "qua", "nua", "hoan", "toan", "ve", "da", "vang", "dau",
    ]);

    /// <summary>"dạ", "vâng", "rồi" open or close polite answers ("dạ không", "vâng có ạ", "sai rồi"): they mean yes only alone.</summary>
    private static readonly FrozenSet<string> AloneYes = FrozenSet.ToFrozenSet<string>(["da", "vang", "roi"]);

    private static readonly string[] ThumbsUp = ["👍", "👌", "✅", "🆗"];
    private static readonly string[] ThumbsDown = ["👎", "❌", "🙅"];

    public static YesNo? Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // "có à ko, chưa ạ": the answer after the student took the first one back; a question or a hedge is no answer.
        var after = MessageReading.AfterLastCorrection(text);
        var answer = after != text ? Read(after) ?? Read(text) : Read(text);
        text = after;
        return answer is YesNo.Yes or YesNo.No && MessageReading.IsUnsure(text) ? null : answer;
    }

    private static YesNo? Read(string text)
    {
        var words = VietnameseText.FoldedWords(text);
        if (words.Count > MaxWords) return null;
        var meanings = Phrases.Cover(words, Fillers);
        if (meanings is null) return null;
        var distinct = meanings.Distinct().ToList();
        if (distinct.Count == 1) return distinct[0];
        if (distinct.Count > 1) return null; // "có, không": contradictory
        // Only fillers: "dạ", "vâng", "rồi ạ" alone agree; anything else (e.g. "em") is no answer.
        if (words.Any(AloneYes.Contains)) return YesNo.Yes;
        return EmojiAnswer(text);
    }

    private static YesNo? EmojiAnswer(string text)
    {
        if (ThumbsUp.Any(text.Contains)) return YesNo.Yes;
        if (ThumbsDown.Any(text.Contains)) return YesNo.No;
        return null;
    }
}
