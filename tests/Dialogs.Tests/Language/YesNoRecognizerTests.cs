using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class YesNoRecognizerTests
{
    [Theory]
    [InlineData("có")] [InlineData("co")] [InlineData("Có ạ")] [InlineData("ừ")] [InlineData("uh")] [InlineData("uhm")]
    [InlineData("ừm")] [InlineData("vâng")] [InlineData("dạ")] [InlineData("da")] [InlineData("dạ vâng")] [InlineData("ok")]
    [InlineData("oke")] [InlineData("OK bạn")] [InlineData("đúng")] [InlineData("đúng rồi")] [InlineData("dung roi")]
    [InlineData("đúng r ạ")] [InlineData("chuẩn")] [InlineData("chính xác")] [InlineData("chinh xac")] [InlineData("yes")]
    [InlineData("y")] [InlineData("đồng ý")] [InlineData("dong y")] [InlineData("rồi")] [InlineData("được")]
    [InlineData("dc")] [InlineData("đc ạ")] [InlineData("chắc chắn")] [InlineData("👍")] [InlineData("ok 👍")]
    [InlineData("có rồi")] [InlineData("dạ có ạ")] [InlineData("đúng rồi, chính xác")] [InlineData("Có, em có rồi")]
    [InlineData("hoàn toàn đồng ý")] [InlineData("vâng ạ")] [InlineData("ok nhé")] [InlineData("uk")] [InlineData("em có rồi ạ")]
    [InlineData("có chứ")] [InlineData("có nha")] [InlineData("Yes")]
    public void Yes_answers_are_recognised(string text) => Assert.Equal(YesNo.Yes, YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("không")] [InlineData("ko")] [InlineData("k")] [InlineData("khong")] [InlineData("hok")] [InlineData("kh")]
    [InlineData("chưa")] [InlineData("chua")] [InlineData("sai")] [InlineData("sai rồi")] [InlineData("sai r")]
    [InlineData("nope")] [InlineData("no")] [InlineData("không đồng ý")] [InlineData("ko dong y")]
    [InlineData("thôi khỏi")] [InlineData("thôi")] [InlineData("thôi ạ")] [InlineData("dạ không ạ")] [InlineData("không phải")] [InlineData("chưa đúng")]
    [InlineData("không, sai rồi")] [InlineData("👎")] [InlineData("k đc")] [InlineData("chưa ạ")] [InlineData("k ạ")]
    // Regional and chat negations: "không có" is a plain no, however "không" is typed.
    [InlineData("không có")] [InlineData("ko có")] [InlineData("ko có đâu")] [InlineData("hổng có")] [InlineData("hông có")]
    [InlineData("hong co")] [InlineData("hem có")] [InlineData("hơm có")] [InlineData("hk có ạ")] [InlineData("khum có đâu")]
    [InlineData("dạ hổng")] [InlineData("hông phải")]
    public void No_answers_are_recognised(string text) => Assert.Equal(YesNo.No, YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("không biết")] [InlineData("ko bit")] [InlineData("k biết")] [InlineData("chưa có")]
    [InlineData("không rõ")] [InlineData("chưa biết")] [InlineData("em không biết ạ")] [InlineData("dạ em chưa có")]
    [InlineData("hok bít")] [InlineData("mình không nhớ")] [InlineData("hổng biết")] [InlineData("hem bít")]
    public void Dont_know_answers_are_kept_apart_from_no(string text) =>
        Assert.Equal(YesNo.DontKnow, YesNoRecognizer.Recognize(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("0912345678")]
    [InlineData("em muốn hỏi là nếu không có căn cước thì đăng ký có được không ạ")]
    [InlineData("có, không")]
    [InlineData("em")]
    [InlineData("Thôn 4 Thủ Trại, Xã Phúc Thọ, Hà Nội")]
    [InlineData("cái gì")]
    [InlineData("không có email")]
    [InlineData("có không")]
    public void Other_messages_are_no_yes_no_answer(string text) => Assert.Null(YesNoRecognizer.Recognize(text));
}
