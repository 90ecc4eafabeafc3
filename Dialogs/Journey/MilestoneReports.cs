using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Journey;

/// <summary>
/// What a student tells the bot about steps that happen outside the chat ("mình nhận được SMS tài khoản rồi",
/// "đăng nhập được rồi"), as journey triggers. Phrases are matched on folded text, so diacritics are optional.
/// </summary>
public static class MilestoneReports
{
    private static readonly (JourneyTrigger Trigger, string[] Phrases)[] Table =
    [
        (JourneyTrigger.LoggedIn, ["dang nhap duoc roi", "dang nhap thanh cong", "da dang nhap duoc", "da dang nhap vssid", "vao duoc vssid roi", "login duoc roi"]),
        (JourneyTrigger.AccountReceived, ["nhan duoc tai khoan", "nhan duoc sms", "nhan duoc tin nhan tai khoan", "da co tai khoan roi", "nhan duoc mat khau", "co tai khoan roi"]),
    ];

    public static JourneyTrigger? Recognize(string text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (var (trigger, phrases) in Table)
            if (phrases.Any(p => VietnameseText.ContainsPhrase(folded, p)))
                return trigger;
        return null;
    }
}
