using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class IntentRecognizerTests
{
    private static readonly IntentRecognizer Recognizer = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["fullName"] = ["họ tên", "tên", "họ và tên"],
        ["socialInsuranceNumber"] = ["mã số bhxh", "mã bhxh", "mã số bảo hiểm xã hội"],
        ["idDocument"] = ["số cccd", "cccd", "căn cước", "số định danh", "hộ chiếu"],
        ["address"] = ["địa chỉ", "địa chỉ liên hệ"],
        ["email"] = ["email", "mail", "địa chỉ email", "thư điện tử"],
        ["phone"] = ["số điện thoại", "sđt", "điện thoại"],
        ["startDate"] = ["ngày bắt đầu"],
        ["office"] = ["cơ quan bhxh", "cơ quan"],
    });

    [Theory]
    [InlineData("trợ giúp", IntentKind.Help)] [InlineData("tro giup", IntentKind.Help)] [InlineData("hướng dẫn", IntentKind.Help)]
    [InlineData("huong dan em voi", IntentKind.Help)] [InlineData("giúp", IntentKind.Help)] [InlineData("giúp em với", IntentKind.Help)]
    [InlineData("help", IntentKind.Help)] [InlineData("?", IntentKind.Help)] [InlineData("??", IntentKind.Help)] [InlineData("hỗ trợ", IntentKind.Help)]
    [InlineData("hủy", IntentKind.Cancel)] [InlineData("huỷ", IntentKind.Cancel)] [InlineData("huy", IntentKind.Cancel)]
    [InlineData("thôi", IntentKind.Cancel)] [InlineData("thoi", IntentKind.Cancel)] [InlineData("dừng", IntentKind.Cancel)]
    [InlineData("dừng lại", IntentKind.Cancel)] [InlineData("cancel", IntentKind.Cancel)] [InlineData("hủy bỏ đi", IntentKind.Cancel)]
    [InlineData("thôi em không làm nữa", IntentKind.Cancel)]
    [InlineData("quay lại", IntentKind.Back)] [InlineData("quay lai", IntentKind.Back)] [InlineData("trở lại", IntentKind.Back)]
    [InlineData("back", IntentKind.Back)] [InlineData("cho em quay lại bước trước", IntentKind.Back)]
    [InlineData("làm lại từ đầu", IntentKind.Restart)] [InlineData("lam lai tu dau", IntentKind.Restart)]
    [InlineData("bắt đầu lại", IntentKind.Restart)] [InlineData("restart", IntentKind.Restart)] [InlineData("quay lại từ đầu", IntentKind.Restart)]
    [InlineData("tiến độ", IntentKind.Progress)] [InlineData("mình đang ở bước nào", IntentKind.Progress)]
    [InlineData("em đang ở bước nào", IntentKind.Progress)] [InlineData("đến đâu rồi", IntentKind.Progress)]
    [InlineData("den dau roi", IntentKind.Progress)] [InlineData("còn mấy bước nữa", IntentKind.Progress)]
    [InlineData("gặp nhân viên", IntentKind.Human)] [InlineData("gap nhan vien", IntentKind.Human)]
    [InlineData("tư vấn viên", IntentKind.Human)] [InlineData("cho em nói chuyện với người thật", IntentKind.Human)]
    [InlineData("gặp người", IntentKind.Human)] [InlineData("tổng đài viên", IntentKind.Human)]
    [InlineData("xin chào", IntentKind.Greeting)] [InlineData("chào", IntentKind.Greeting)] [InlineData("chào bạn", IntentKind.Greeting)]
    [InlineData("hi", IntentKind.Greeting)] [InlineData("hello", IntentKind.Greeting)] [InlineData("bot ơi", IntentKind.Greeting)]
    [InlineData("alo", IntentKind.Greeting)] [InlineData("Em chào anh ạ", IntentKind.Greeting)]
    [InlineData("cảm ơn", IntentKind.Thanks)] [InlineData("cám ơn bạn", IntentKind.Thanks)] [InlineData("cam on nhieu nha", IntentKind.Thanks)]
    [InlineData("thanks", IntentKind.Thanks)] [InlineData("tks", IntentKind.Thanks)] [InlineData("thank you", IntentKind.Thanks)]
    [InlineData("vssid là gì", IntentKind.WhatIsVssId)] [InlineData("VssID là cái gì", IntentKind.WhatIsVssId)]
    [InlineData("vss id là gì", IntentKind.WhatIsVssId)] [InlineData("vssid la gi vay", IntentKind.WhatIsVssId)]
    [InlineData("app VssID dùng để làm gì", IntentKind.WhatIsVssId)]
    public void Commands_and_small_talk_are_recognised_with_and_without_diacritics(string text, IntentKind kind) =>
        Assert.Equal(kind, Recognizer.Recognize(text).Kind);

    [Theory]
    [InlineData("sửa số điện thoại", "phone")]
    [InlineData("sua sdt", "phone")]
    [InlineData("nhập lại sđt", "phone")]
    [InlineData("email sai rồi", "email")]
    [InlineData("đổi email", "email")]
    [InlineData("sai tên", "fullName")]
    [InlineData("sửa địa chỉ", "address")]
    [InlineData("em muốn sửa lại địa chỉ email ạ", "email")]
    [InlineData("cccd nhập nhầm rồi", "idDocument")]
    [InlineData("chỉnh lại mã bhxh", "socialInsuranceNumber")]
    [InlineData("doi co quan", "office")]
    [InlineData("sửa phone", "phone")]
    public void Corrections_name_the_field_by_its_alias(string text, string field)
    {
        var intent = Recognizer.Recognize(text);
        Assert.Equal(IntentKind.Correct, intent.Kind);
        Assert.Equal(field, intent.FieldKey);
    }

    [Fact]
    public void A_bare_correction_asks_to_correct_without_a_field() =>
        Assert.Equal(new Intent(IntentKind.Correct), Recognizer.Recognize("sửa lại"));

    [Theory]
    [InlineData("không")] [InlineData("ko")] [InlineData("k")] [InlineData("có")] [InlineData("co")] [InlineData("đúng")]
    [InlineData("dung")] [InlineData("Đúng rồi")] [InlineData("sai rồi")] [InlineData("chưa")] [InlineData("thôi khỏi")]
    [InlineData("không biết")] [InlineData("ok")] [InlineData("dạ")] [InlineData("em")]
    [InlineData("Nguyễn Văn An")] [InlineData("Nguyễn Quang Huy")] [InlineData("Trần Thị Thôi")]
    [InlineData("Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội")]
    [InlineData("Số 12 ngõ 5 đường Trần Hưng Đạo, Phường Cửa Nam, Hà Nội")]
    [InlineData("0912345678")] [InlineData("an@gmail.com")] [InlineData("17/8/2025")] [InlineData("001203012345")]
    [InlineData("số điện thoại của em là 0912345678")] [InlineData("email em là an@gmail.com")]
    [InlineData("Cổng thông tin điện tử")] [InlineData("2")] [InlineData("bưu điện")]
    [InlineData("em là nhân viên văn phòng")] [InlineData("đợi em chút")] [InlineData("Công ty ABC")] [InlineData("sđt")]
    [InlineData("chào bạn, mình tên Nguyễn Văn An")] [InlineData("giúp em điền địa chỉ với")]
    [InlineData("em muốn hỏi là nếu mình quay lại trường thì có cần khai lại tờ khai không ạ")]
    [InlineData("")]
    public void Ordinary_answers_are_not_commands(string text) => Assert.Equal(Intent.None, Recognizer.Recognize(text));

    [Fact]
    public void Aliases_from_the_caller_are_matched_without_diacritics()
    {
        var recognizer = new IntentRecognizer(new Dictionary<string, IReadOnlyList<string>> { ["channel"] = ["nơi giao dịch"] });
        Assert.Equal(new Intent(IntentKind.Correct, "channel"), recognizer.Recognize("sua noi giao dich"));
    }
}
