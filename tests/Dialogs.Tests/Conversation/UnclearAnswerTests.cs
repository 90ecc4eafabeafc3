using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>
/// Issue 9: a reading that is not clear is never stored silently. Per field: a hedged or corrected or dictated value is
/// confirmed with one question and [Đúng | Không]; several values are offered as buttons; someone else's value is refused.
/// </summary>
public class UnclearAnswerTests
{
    public static TheoryData<string, string, string> Confirmed => new()
    {
        // field, unclear answer, the value read back in the question (stored only after "Đúng")
        { "phone", "hình như là 0977 556 688, để em xem lại", "0977556688" },
        { "phone", "sđt e 0969 888 777 à nhầm 0969 888 771", "0969888771" },
        { "phone", "không chín ba bốn năm sáu bảy tám chín không", "0934567890" },
        { "socialInsuranceNumber", "chắc là 0112233445", "0112233445" },
        { "socialInsuranceNumber", "mã 0133 456 789 nhầm, 0133 456 798 mới đúng", "0133456798" },
        { "idDocument", "hình như 040 204 001 122 thì phải", "040204001122" },
        { "idDocument", "cccd e 038 205 000 123 à nhầm 038 205 000 132", "038205000132" },
        { "startDate", "chắc là 27/11", "27/11/2026" },
        { "startDate", "26/11 à không, 27/11", "27/11/2026" },
        { "startDate", "ngay 2 thang sau", "02/12/2026" },
        { "email", "email em la tuan.le@gmail.com a nham tuan.le2004@gmail.com", "tuan.le2004@gmail.com" },
        { "fullName", "tên em là Lê Văn Tám à nhầm, Lê Văn Tâm", "Lê Văn Tâm" },
        { "fullName", "hình như là Nguyễn Thị Hằng", "Nguyễn Thị Hằng" },
        { "contactPerson", "Trần Thị Hoa à không, Trần Thị Hòa", "Trần Thị Hòa" },
    };

    [Theory]
    [MemberData(nameof(Confirmed))]
    public async Task An_unclear_value_is_confirmed_with_one_question_and_stored_only_after_yes(string field, string answer, string value)
    {
        var harness = await AtQuestionAsync(field);
        var question = await harness.SendAsync(answer);
        var ask = Assert.Single(question, r => r.Text?.Contains($"Ý bạn là {value}?", StringComparison.Ordinal) == true);
        Assert.Equal(["Đúng", "Không"], ask.SuggestedActions.Actions.Select(a => a.Title));
        Assert.Null((await harness.ProfileAsync()).Form.Get(field));

        await harness.SendAsync("Đúng");
        Assert.Equal(value, (await harness.ProfileAsync()).Form.Get(field)?.Display);
    }

    [Theory]
    [MemberData(nameof(Confirmed))]
    public async Task Saying_no_to_the_confirmation_stores_nothing_and_asks_again(string field, string answer, string value)
    {
        var harness = await AtQuestionAsync(field);
        await harness.SendAsync(answer);
        var again = await harness.SendAsync("Không");
        Assert.Contains(again, r => r.Text?.Contains("bạn nhập lại", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Null((await harness.ProfileAsync()).Form.Get(field));
        Assert.DoesNotContain(again, r => r.Text?.Contains(value, StringComparison.Ordinal) == true && r.Text.Contains("ghi nhận"));
    }

    public static TheoryData<string, string, string[]> Several => new()
    {
        { "phone", "0912 345 678 hoặc 0388 123 456", ["0912345678", "0388123456"] },
        { "startDate", "27/11 hoặc 30/11", ["27/11/2026", "30/11/2026"] },
        { "socialInsuranceNumber", "0167 890 123 hoặc 0167 890 132", ["0167890123", "0167890132"] },
    };

    [Theory]
    [MemberData(nameof(Several))]
    public async Task Several_values_are_offered_as_buttons_and_nothing_is_stored(string field, string answer, string[] offered)
    {
        var harness = await AtQuestionAsync(field);
        var replies = await harness.SendAsync(answer);
        var titles = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();
        Assert.All(offered, o => Assert.Contains(o, titles));
        Assert.Null((await harness.ProfileAsync()).Form.Get(field));
    }

    public static TheoryData<string, string> SomeoneElses => new()
    {
        { "phone", "số bố em là 0903456789" },
        { "socialInsuranceNumber", "mã bhxh của mẹ em là 0198765432" },
        { "idDocument", "cccd của bố em 036 075 000 888" },
    };

    [Theory]
    [MemberData(nameof(SomeoneElses))]
    public async Task Someone_elses_value_is_refused_with_the_reason(string field, string answer)
    {
        var harness = await AtQuestionAsync(field);
        var replies = await harness.SendAsync(answer);
        Assert.Contains(replies, r => r.Text?.Contains("thông tin của chính bạn", StringComparison.Ordinal) == true);
        Assert.Null((await harness.ProfileAsync()).Form.Get(field));
    }

    [Fact]
    public async Task A_question_about_the_field_gets_its_help_instead_of_a_refusal()
    {
        var harness = await AtQuestionAsync("channel");
        var replies = await harness.SendAsync("I-VAN là gì vậy ạ");
        Assert.Contains(replies, r => r.Text?.Contains("đơn vị trung gian có thu phí", StringComparison.Ordinal) == true);
        Assert.Null((await harness.ProfileAsync()).Form.Get("channel"));
    }

    private static async Task<StudentBotHarness> AtQuestionAsync(string field)
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync(field);
        var question = await harness.SendAsync("tiếp tục");
        Assert.Contains(question, r => r.Text?.Contains("Câu") == true);
        return harness;
    }
}
