using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Recognises commands and small talk at any prompt. fieldAliases: field key → words naming it
/// ("phone" → "số điện thoại", "sđt"); aliases are matched without diacritics.
/// </summary>
/// <remarks>
/// Commands must not misfire on ordinary answers, so:
/// <list type="bullet">
/// <item>only short messages count: at most 7 words once polite fillers ("ạ", "em", "nhé"…) are left out;</item>
/// <item>"whole" phrases ("thôi", "hủy", "giúp", "chào") count only when the message is that phrase plus fillers;
/// "anywhere" phrases ("quay lại", "gặp nhân viên", "hướng dẫn") may sit inside a short message;</item>
/// <item>"dung" is ambiguous without diacritics ("đúng" = yes, "dừng" = stop): only "dừng" typed with its marks cancels;</item>
/// <item>yes/no words ("không", "có", "sai rồi") are never commands; "sai"/"nhầm" mean Correct only with a field alias.</item>
/// </list>
/// Order when several match: WhatIsVssId, Human, Restart, Correct, Back, Cancel, Progress, Help, Thanks, Greeting.
/// </remarks>
public sealed partial class IntentRecognizer
{
    private const int MaxWords = 7;

    private enum Scope { Whole, Anywhere }

    /// <summary>Commands that win over a correction ("gặp nhân viên để sửa email" is Human).</summary>
    private static readonly (IntentKind Kind, Scope Scope, PhraseTable<IntentKind> Phrases)[] BeforeCorrection =
    [
        (IntentKind.Human, Scope.Anywhere, Table(IntentKind.Human,
            "gặp nhân viên", "nhân viên tư vấn", "tư vấn viên", "người thật", "gặp người", "tổng đài viên",
            "nói chuyện với người", "gọi nhân viên", "gặp tư vấn", "cần người hỗ trợ", "gặp admin",
            "chuyển nhân viên", "nhân viên hỗ trợ", "human", "agent", "nói chuyện với nhân viên", "nói chuyện với tư vấn",
            "kết nối nhân viên", "kết nối tổng đài", "gọi tổng đài", "liên hệ nhân viên", "chat với nhân viên", "người hỗ trợ",
            "nhân viên bảo hiểm xã hội")),
        (IntentKind.Human, Scope.Whole, Table(IntentKind.Human, "nhân viên", "tổng đài", "tư vấn")),
        (IntentKind.Restart, Scope.Anywhere, Table(IntentKind.Restart,
            "làm lại từ đầu", "bắt đầu lại", "restart", "reset", "bắt đầu từ đầu", "quay lại từ đầu",
            "làm lại hết", "khai lại từ đầu", "điền lại từ đầu", "start over")),
    ];

    private static readonly (IntentKind Kind, Scope Scope, PhraseTable<IntentKind> Phrases)[] AfterCorrection =
    [
        (IntentKind.Back, Scope.Anywhere, Table(IntentKind.Back,
            "quay lại", "trở lại", "back", "lùi lại", "quay về", "bước trước", "câu trước", "go back")),
        (IntentKind.Cancel, Scope.Anywhere, Table(IntentKind.Cancel,
            "hủy bỏ", "cancel", "dừng lại", "không làm nữa", "thôi không làm", "không đăng ký nữa",
            "thôi không khai nữa", "ngừng lại", "hủy đăng ký", "hủy khai", "không khai nữa", "không muốn khai nữa",
            "không muốn làm nữa", "không muốn đăng ký nữa")),
        (IntentKind.Cancel, Scope.Whole, Table(IntentKind.Cancel, "hủy", "thôi", "stop", "ngừng", "quit", "exit", "thoát", "kết thúc", "end", "thoát ra")),
        (IntentKind.Progress, Scope.Anywhere, Table(IntentKind.Progress,
            "tiến độ", "bước nào", "đến đâu rồi", "tới đâu rồi", "bao nhiêu bước", "còn mấy bước",
            "còn bao nhiêu câu", "còn mấy câu", "progress", "đang ở đâu")),
        (IntentKind.Help, Scope.Anywhere, Table(IntentKind.Help,
            "trợ giúp", "hướng dẫn", "help", "giúp đỡ", "cần giúp", "không hiểu gì", "làm sao bây giờ", "làm thế nào",
            "khó hiểu", "chưa hiểu gì")),
        (IntentKind.Help, Scope.Whole, Table(IntentKind.Help, "không hiểu", "chưa hiểu", "không hiểu lắm")),
        (IntentKind.Help, Scope.Whole, Table(IntentKind.Help, "giúp", "giúp với", "hỗ trợ", "cứu", "menu")),
        (IntentKind.Thanks, Scope.Anywhere, Table(IntentKind.Thanks,
            "cảm ơn", "cám ơn", "thanks", "thank", "tks", "thx", "thank you", "cảm ơn nhiều")),
        (IntentKind.Greeting, Scope.Whole, Table(IntentKind.Greeting,
            "xin chào", "chào", "hi", "hello", "helo", "alo", "hey", "bot ơi", "chào buổi sáng", "good morning", "ơi")),
    ];

    /// <summary>Polite particles and forms of address; they neither make nor break a command.</summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet<string>([
        "a", "ah", "ak", "oi", "nhe", "nha", "nhen", "ne", "di", "voi", "cho", "em", "minh", "toi", "to",
        "tui", "ban", "bot", "ad", "admin", "anh", "chi", "da", "vang", "ha", "the", "vay", "nhi", "shop",
        "vssbot", "muon", "can", "xin", "lai", "luon", "ngay", "nao", "ok", "nua", "la",
        "nhieu", "moi", "nguoi",
    ]);

    /// <summary>
    /// Verbs of correction. Verbs of changing (true: "sửa", "đổi", "nhập lại") come before what they change ("sửa số điện
    /// thoại"; "nộp hồ sơ thay" is no correction); verbs of error (false: "sai", "nhầm") may stand anywhere ("email sai rồi").
    /// </summary>
    private static readonly PhraseTable<bool> CorrectionVerbs = new(
        new[] { "sửa", "sửa lại", "chỉnh", "chỉnh sửa", "chỉnh lại", "đổi", "đổi lại", "thay đổi", "thay", "nhập lại",
                "điền lại", "ghi lại", "khai lại", "cập nhật", "sửa giúp", "edit", "change", "chọn lại", "chọn khác" }.Select(v => (v, true))
        .Concat(new[] { "sai", "bị sai", "nhầm", "nhập nhầm", "ghi nhầm", "điền nhầm", "nhập sai", "ghi sai", "điền sai",
                "chưa đúng", "không đúng" }.Select(v => (v, false))));

    /// <summary>Correction verbs that, alone, ask to correct something without naming it.</summary>
    private static readonly FrozenSet<string> BareCorrections = FrozenSet.ToFrozenSet<string>(["sua", "sua lai", "chinh sua", "sua thong tin", "chinh sua thong tin", "thay doi thong tin", "sua lai thong tin"]);

    private readonly (string Key, string[] Words)[] _aliases;

    public IntentRecognizer(IReadOnlyDictionary<string, IReadOnlyList<string>> fieldAliases) =>
        _aliases = fieldAliases
            .SelectMany(f => f.Value.Append(f.Key).Select(a => (f.Key, Words: VietnameseText.FoldedWords(a).ToArray())))
            .Where(a => a.Words.Length > 0)
            .OrderByDescending(a => a.Words.Length)
            .ToArray();

    public Intent Recognize(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Intent.None;
        var trimmed = text.Trim();
        if (trimmed.All(c => c is '?' or '？')) return new Intent(IntentKind.Help);

        // Every name of the app counts as one word ("ứng dụng bhxh số là gì" is as short as "vssid là gì").
        var words = VssIdNames.Replace(VietnameseText.Fold(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Count(w => !Fillers.Contains(w)) > MaxWords) return Intent.None;
        // "đúng"/"dung" is a yes; only "dừng" with its marks means stop.
        if (words.Contains("dung") && VietnameseText.Tokens(text).Any(t => t.StartsWith("dừng", StringComparison.Ordinal)))
            return new Intent(IntentKind.Cancel);

        var joined = string.Join(' ', words);
        if (WhatIsVssId().IsMatch(joined)) return new Intent(IntentKind.WhatIsVssId);
        if (IsInstallRequest(text, joined)) return new Intent(IntentKind.Install);

        return FirstCommand(words, BeforeCorrection) ?? RecognizeCorrection(words) ?? FirstCommand(words, AfterCorrection) ?? Intent.None;
    }

    private static Intent? FirstCommand(IReadOnlyList<string> words, (IntentKind Kind, Scope Scope, PhraseTable<IntentKind> Phrases)[] commands)
    {
        foreach (var (kind, scope, phrases) in commands)
        {
            var matched = scope == Scope.Whole ? phrases.Cover(words, Fillers) is { Count: > 0 } : phrases.ContainsAnywhere(words);
            if (matched) return new Intent(kind);
        }
        return null;
    }

    private Intent? RecognizeCorrection(IReadOnlyList<string> words)
    {
        // Where the first verb of changing starts, and whether a verb of error is present.
        int? firstChange = null;
        var error = false;
        for (var i = 0; i < words.Count; i++)
            if (CorrectionVerbs.MatchAt(words, i) is var (_, change))
            {
                if (change) firstChange ??= i;
                else error = true;
            }
        if (firstChange is null && !error) return null;
        foreach (var (key, alias) in _aliases)
            for (var i = 0; i + alias.Length <= words.Count; i++)
                if ((error || i > firstChange) && alias.AsSpan().SequenceEqual(words.Skip(i).Take(alias.Length).ToArray()))
                    return new Intent(IntentKind.Correct, key);
        var meaningful = string.Join(' ', words.Where(w => !Fillers.Contains(w)));
        return BareCorrections.Contains(meaningful) ? new Intent(IntentKind.Correct) : null;
    }

    /// <summary>
    /// "mình muốn cài VssID", "tải app ở đâu", "chưa cai, huong dan minh voi": a verb of installing with the app or a request
    /// for guidance; "đã cài rồi" is an answer, not a request. Plain "cai"/"tai" count only in a message typed without
    /// diacritics: with them, "cái" (thing) and "tại" (at) are other words.
    /// </summary>
    private static bool IsInstallRequest(string typed, string folded)
    {
        var lower = typed.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
        var verb = InstallVerb().IsMatch(lower) || !VietnameseText.HasDiacritics(lower) && PlainInstallVerb().IsMatch(folded);
        return verb && InstallObject().IsMatch(folded) && !Installed().IsMatch(folded);
    }

    [GeneratedRegex(@"(?<!\p{L})(cài|tải|đăng ký|đăng kí|download|install)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex InstallVerb();

    [GeneratedRegex(@"\b(cai|tai|dang ky|dang ki)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInstallVerb();

    [GeneratedRegex(@"\b(vssid|app|ung dung|huong dan|giup|chi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InstallObject();

    [GeneratedRegex(@"\b(da cai|cai roi|cai xong|da tai|tai roi|tai xong|da dang ky|dang ky roi|cai duoc roi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Installed();

    private static PhraseTable<IntentKind> Table(IntentKind kind, params string[] phrases) =>
        new(phrases.Select(p => (p, kind)));

    [GeneratedRegex(@"\bvss ?id\b.*\b(la|de|dung de|lam)\b.*\b(gi|chi)\b|\b(gi|sao) la vss ?id\b|^vss ?id$", RegexOptions.CultureInvariant)]
    private static partial Regex WhatIsVssId();
}
