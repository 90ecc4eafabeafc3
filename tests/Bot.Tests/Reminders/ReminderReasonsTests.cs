using VssBot.Bot.Reminders;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Tests.Reminders;

/// <summary>The routes' attempts, as the ledger keeps them, read out to school staff in Vietnamese.</summary>
public sealed class ReminderReasonsTests
{
    private readonly ReminderReasons reasons = new(BotTexts.LoadEmbedded());

    [Fact]
    public void Each_kind_of_failure_gets_its_Vietnamese_label_once_and_routes_that_do_not_apply_say_nothing()
    {
        var ledger = "chat: outside window: outside the 24-hour reply window; messenger-utility: not a Messenger student; "
            + "zalo-template: not a Zalo student; email: no email address, or the student did not agree to email reminders";

        Assert.Equal("Kênh từ chối: sinh viên chưa nhắn tin trong khoảng thời gian kênh cho phép trả lời. Sinh viên chưa đồng ý nhận nhắc qua email.",
            reasons.Describe(ledger));
    }

    [Theory]
    [InlineData("chat: no route: the terminal cannot be messaged first", "Kênh này không cho phép trợ lý ảo chủ động nhắn tin.")]
    [InlineData("chat: skipped; chat: no proactive route on this channel", "Không gửi được do lỗi của kênh; thử lại sau. Kênh này không cho phép trợ lý ảo chủ động nhắn tin.")]
    [InlineData("chat: failed: PlatformSendException RecipientUnavailable", "Sinh viên đã chặn hoặc bỏ theo dõi trang/OA, hoặc tài khoản không còn hoạt động.")]
    [InlineData("messenger-utility: HTTP 400, Graph error 190/-: BadToken", "Mã truy cập của trang/OA hết hạn hoặc không hợp lệ: cần quản trị viên cấu hình lại.")]
    [InlineData("zalo-template: HTTP 200, Zalo error -124", "Mẫu tin nhắn Zalo/Messenger không gửi được.")]
    [InlineData("zalo-template: no Zalo template configured (Zalo:ReminderTemplateId)", "Chưa cấu hình mẫu tin nhắn Zalo/Messenger.")]
    [InlineData("email: no SMTP server configured", "Chưa cấu hình máy chủ gửi email.")]
    [InlineData("email: SMTP: SmtpCommandException 550", "Gửi email không thành công.")]
    [InlineData("pigeon: lost", "Không gửi được (lỗi khác).")]
    [InlineData("", "Không gửi được (lỗi khác).")]
    public void A_ledger_row_reads_in_Vietnamese(string ledger, string expected) => Assert.Equal(expected, reasons.Describe(ledger));
}
