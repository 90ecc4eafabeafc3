using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

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

    [Fact]
    public async Task Without_a_configured_public_address_the_printable_link_uses_the_host_the_student_came_in_at_and_opens()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://bot.truong.edu.vn:8080/") });
        var conversation = "link-" + Guid.NewGuid().ToString("N");

        var replies = await HappyPath.DeclareAsync(line => client.ReplyTextsAsync(conversation, line, userId: conversation));

        var text = string.Join("\n", replies);
        var link = Regex.Match(text, @"https?://\S+/p/\S+").Value;
        Assert.StartsWith("http://bot.truong.edu.vn:8080/p/", link);
        // Short (the receipt and a tag: 29 characters after the address), sent once, nothing about the student in it.
        Assert.Matches(@"^http://bot\.truong\.edu\.vn:8080/p/\d{8}-[0-9A-Z]{4,12}-[A-Za-z0-9_-]{12}$", link);
        Assert.Single(Regex.Matches(text, Regex.Escape(link)));
        Assert.DoesNotContain(conversation, link);
        Assert.DoesNotContain("/forms/", text);
        var page = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Mã biên nhận", await page.Content.ReadAsStringAsync());
    }
}
