namespace VssBot.Bot.Tests.Channels.BotFramework;

/// <summary>What a new student hits on the real host (whole turn pipeline), one case each.</summary>
public sealed class StudentFacingTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    [Fact]
    public async Task After_declining_consent_bat_dau_asks_for_consent_again_instead_of_a_button_reminder()
    {
        var client = factory.CreateClient();
        var conversation = "decline-" + Guid.NewGuid().ToString("N");
        await client.ReplyTextsAsync(conversation, "xin chào");
        await client.ReplyTextsAsync(conversation, "rồi");

        var declined = await client.ReplyTextsAsync(conversation, "Không đồng ý");
        Assert.Contains(declined, t => t.Contains("bạn nhắn “bắt đầu”"));
        Assert.DoesNotContain(declined, t => t.Contains("Bạn đồng ý chứ?")); // not asked again in the same breath

        var started = await client.ReplyTextsAsync(conversation, "bắt đầu");
        Assert.DoesNotContain(started, t => t.Contains("gõ số thứ tự"));
        Assert.Contains(started, t => t.Contains("Bạn đồng ý chứ?"));
    }
}
