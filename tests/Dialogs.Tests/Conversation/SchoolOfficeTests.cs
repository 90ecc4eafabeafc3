using Microsoft.Extensions.DependencyInjection;
using VssBot.Dialogs.Conversation;

namespace VssBot.Dialogs.Tests.Conversation;

public class SchoolOfficeTests
{
    [Fact]
    public async Task Offices_near_the_school_are_offered_right_after_the_one_serving_the_students_commune()
    {
        var harness = new StudentBotHarness();
        harness.Restart(s => s.AddSingleton(new CampaignSettings { SchoolOffices = ["bhxh-co-so-tay-tuu"] }));
        await harness.SeedAsync("office");

        var replies = await harness.SendAsync("tiếp tục");

        var question = Assert.Single(replies, r => r.Text?.StartsWith("Câu 12") == true);
        Assert.Equal(["BHXH cơ sở Sơn Tây", "BHXH cơ sở Tây Tựu", "BHXH thành phố Hà Nội"], question.SuggestedActions.Actions.Select(a => a.Title));
        Assert.Contains("2. BHXH cơ sở Tây Tựu – Số 22 phố Phúc Lý, phường Tây Tựu", question.Text);

        await harness.SendAsync("tây tựu");
        var office = (await harness.ProfileAsync()).Form.Get("office")!;
        Assert.Equal("bhxh-co-so-tay-tuu", office.Value);
        Assert.Equal("024.32242059", office.Data["phone"]);
    }
}
