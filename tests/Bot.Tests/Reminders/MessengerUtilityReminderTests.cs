using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Reminders;
using VssBot.Bot.Reminders.Ledger;
using VssBot.Bot.Tests.Channels.Messenger;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VssBot.Bot.Tests.Reminders;

/// <summary>
/// A Messenger student outside the 24-hour window (stand-in Graph API): the countdown reminder goes as the school's
/// approved utility template where one is configured; a refusal is reported with Graph's code and listed for a call.
/// </summary>
public sealed class MessengerUtilityReminderTests
{
    private const string Psid = "7301148291034561";
    private const string Template = "vssid_han_nop_to_khai";

    private static MessengerHost Host() => new(settings: new Dictionary<string, string?> { ["Messenger:ReminderTemplateName"] = Template });

    private static ReminderNotice Notice() => new($"facebook/{Psid}",
        new ConversationReference
        {
            ChannelId = MessengerMapper.ChannelId, ServiceUrl = "https://www.facebook.com/",
            Conversation = new ConversationAccount(id: Psid), User = new ChannelAccount(Psid), Bot = new ChannelAccount(MessengerHost.PageId, role: RoleTypes.Bot),
        },
        "countdown/VSS-1/day7", "⏰ Nhắc bạn: còn 3 ngày", new DateOnly(2026, 1, 10), 3, "BHXH quận Cầu Giấy", "https://vssbot.example/print/abc", Email: null);

    [Fact]
    public async Task Outside_the_window_the_reminder_goes_as_the_approved_utility_template()
    {
        using var host = Host();

        var result = await host.Factory.Services.GetRequiredService<ReminderRouter>().DeliverAsync(Notice(), default);

        Assert.Equal("messenger-utility", result.DeliveredBy);
        Assert.Contains(result.Attempts, a => a.StartsWith("chat: outside window", StringComparison.Ordinal));
        var body = Assert.Single(host.Sent());
        Assert.Equal(Psid, (string?)body["recipient"]!["id"]);
        Assert.Equal("UTILITY", (string?)body["messaging_type"]);
        var template = body["message"]!["template"]!;
        Assert.Equal(Template, (string?)template["name"]);
        Assert.Equal("vi", (string?)template["language"]!["code"]);
        Assert.Equal(["3", "10/01/2026", "BHXH quận Cầu Giấy", "https://vssbot.example/print/abc"],
            template["components"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]));
        Assert.Null(body["message"]!["text"]);
        Assert.Equal("messenger-utility", await host.Factory.Services.GetRequiredService<IReminderLedger>().DeliveredByAsync($"facebook/{Psid}", "countdown/VSS-1/day7", default));
    }

    [Fact]
    public async Task A_template_graph_refuses_is_not_delivered_and_is_listed_for_a_call_with_the_reason()
    {
        using var host = Host();
        host.Api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new { error = new { message = "(#100) Template name does not exist", type = "OAuthException", code = 100 } }));

        var result = await host.Factory.Services.GetRequiredService<ReminderRouter>().DeliverAsync(Notice(), default);

        Assert.False(result.Delivered);
        var call = Assert.Single(await host.Factory.Services.GetRequiredService<IReminderLedger>().UndeliverableAsync(default));
        Assert.Equal($"facebook/{Psid}", call.StudentKey);
        Assert.Contains("messenger-utility: HTTP 400, Graph error 100", call.Reasons);
        Assert.Contains("email: no SMTP server configured", call.Reasons);
    }
}
