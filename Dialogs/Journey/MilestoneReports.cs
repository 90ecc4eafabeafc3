using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Journey;

/// <summary>Steps of the journey that happen outside the chat and that the student tells the bot about.</summary>
public enum Milestone { OfficeVisited, AccountReceived, LoggedIn, Rejected }

/// <summary>
/// What a student tells the bot about steps outside the chat ("đã nộp rồi", "mình nhận được SMS tài khoản rồi",
/// "đăng nhập được rồi", "hồ sơ bị từ chối"). Phrases are matched on folded text, so diacritics are optional.
/// </summary>
public static class MilestoneReports
{
    private static readonly (Milestone Milestone, string[] Phrases)[] Table =
    [
        (Milestone.LoggedIn, ["dang nhap duoc roi", "dang nhap thanh cong", "da dang nhap duoc", "da dang nhap vssid", "vao duoc vssid roi", "login duoc roi"]),
        (Milestone.AccountReceived, ["nhan duoc tai khoan", "nhan duoc sms", "nhan duoc tin nhan tai khoan", "da co tai khoan roi", "nhan duoc mat khau", "co tai khoan roi"]),
        (Milestone.Rejected, ["bi tu choi", "khong duoc chap nhan", "khong chap nhan ho so", "ho so khong hop le", "bi tra ve"]),
        (Milestone.OfficeVisited, ["da nop roi", "nop roi", "da nop ho so", "da nop to khai", "nop ho so roi", "nop to khai roi", "da den co quan bhxh"]),
    ];

    public static Milestone? Recognize(string text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (var (milestone, phrases) in Table)
            if (phrases.Any(p => VietnameseText.ContainsPhrase(folded, p)))
                return milestone;
        return null;
    }

    /// <summary>The trigger a milestone fires; a visit to the office moves nothing (the office's decision does).</summary>
    public static JourneyTrigger? TriggerOf(Milestone milestone) => milestone switch
    {
        Milestone.AccountReceived => JourneyTrigger.AccountReceived,
        Milestone.LoggedIn => JourneyTrigger.LoggedIn,
        Milestone.Rejected => JourneyTrigger.DeclarationRejected,
        _ => null,
    };
}
