using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using netDumbster.smtp;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Reminders;
using VssBot.Bot.Reminders.Ledger;
using VssBot.Bot.Tests.Channels.Zalo;
using VssBot.Bot.Tests.Declarations;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VssBot.Bot.Tests.Reminders;

/// <summary>
/// A Zalo student declares through the webhook (stand-in OA API), then stays silent: the day-7 and day-9 reminders go by
/// chat while the reply window is open, else by the ZBS template where configured, else by email (an in-test SMTP
/// server) when the student agreed; what no route delivered is not marked as reminded and is listed for a phone call.
/// </summary>
public sealed class ReminderRoutingTests : IDisposable
{
    private const string Student = "2468458835296117922";
    private const string StudentKey = "zalo/" + Student;
    private const string TemplatePath = "/v3.0/oa/message/template";
    private readonly string databasePath = VssBotFactory.NewDatabasePath();
    private readonly SimpleSmtpServer smtp = SimpleSmtpServer.Start();
    private int messageNumber;

    public void Dispose()
    {
        smtp.Stop();
        DeclarationHosts.DeleteDatabase(databasePath);
    }

    private ZaloHost Host(IDictionary<string, string?>? more = null)
    {
        var settings = DeclarationHosts.FastSettings(new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = smtp.Configuration.Port.ToString(),
            ["Email:Security"] = "None",
            ["Email:FromAddress"] = "vssid@truong.edu.vn",
            ["Logging:LogLevel:Default"] = "Trace", // every log line is checked for the address
            ["Printing:PublicBaseUrl"] = "https://bot.truong.edu.vn", // a worker's turn has no request to take it from
        });
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        return new ZaloHost(services =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.AddHttpClient(DeclarationApiOptions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        }, databasePath, settings);
    }

    private Task SayAsync(ZaloHost host, string text)
    {
        var body = new JsonObject
        {
            ["app_id"] = ZaloHost.AppId,
            ["user_id_by_app"] = "8217763102855641218",
            ["event_name"] = "user_send_text",
            ["timestamp"] = host.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(),
            ["sender"] = new JsonObject { ["id"] = Student },
            ["recipient"] = new JsonObject { ["id"] = "579745863508352884" },
            ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = $"msg-{++messageNumber}" },
        }.ToJsonString();
        return host.DeliverAsync(body);
    }

    private static List<string> Texts(ZaloHost host) => host.Sent().Select(m => (string?)m["message"]!["text"] ?? "").ToList();

    /// <summary>Declares over the Zalo webhook, answers the email question, and waits for the registry's acceptance.</summary>
    private async Task DeclareAsync(ZaloHost host, string emailAnswer)
    {
        await HappyPath.DeclareAsync(async say => { await SayAsync(host, say); return []; });
        Assert.Contains(Texts(host), t => t.Contains("Mình nhắc bạn qua email nữa nhé?"));
        await SayAsync(host, emailAnswer);
        await DeclarationHosts.EventuallyAsync(async () => await JourneyAsync(host) is { State: JourneyState.WaitingForOfficeVisit }, "the registry's acceptance",
            describe: async () => string.Join(" | ", Texts(host)));
    }

    private static async Task<StudentProfile> ProfileAsync(ZaloHost host)
    {
        var items = await host.Factory.Services.GetRequiredService<IStorage>().ReadAsync([$"zalo/users/{Student}"]);
        return (StudentProfile)((IDictionary<string, object>)items[$"zalo/users/{Student}"])["student"];
    }

    private static async Task<JourneyRecord?> JourneyAsync(ZaloHost host) => (await ProfileAsync(host)).Journey;

    private static Task<int> RunCountdownAsync(ZaloHost host) => host.Factory.Services.GetRequiredService<DeadlineReminderWorker>().RunOnceAsync(default);

    private static IReminderLedger Ledger(ZaloHost host) => host.Factory.Services.GetRequiredService<IReminderLedger>();

    private static MimeKit.MimeMessage Mime(SmtpMessage message) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));

    /// <summary>Every log line of the host (message and structured values), at every level.</summary>
    private static List<string> LogLines(ZaloHost host) => host.Factory.Services.GetFakeLogCollector().GetSnapshot()
        .Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(kv => kv.Value) ?? [])).ToList();

    [Fact]
    public async Task A_student_silent_since_declaring_gets_the_day_7_and_day_9_reminders_by_email_once_the_chat_window_has_closed()
    {
        using var host = Host();
        await DeclareAsync(host, "Có nhé");
        Assert.Contains(Texts(host), t => t.Contains("gần đến hạn mình sẽ nhắc bạn qua email ha.pham@gmail.com"));
        var chatBefore = host.Sent().Count;

        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await RunCountdownAsync(host));
        Assert.Empty(smtp.ReceivedEmail);

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RunCountdownAsync(host));
        var day7 = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("ha.pham@gmail.com", day7.ToAddresses.Single().Address);
        Assert.Contains("vssid@truong.edu.vn", day7.FromAddress.Address);
        var mime = Mime(day7);
        var profile = await ProfileAsync(host);
        var deadline = VssBot.Dialogs.Form01.Fields.DateFieldReader.Display(
            host.Factory.Services.GetRequiredService<DeclarationNextSteps>().Deadline(profile.Journey.DeclaredAt!.Value));
        var office = VssBot.Dialogs.Form01.Form01Declaration.From(profile.Form).Office!.Name;
        Assert.Equal("Nhắc hạn nộp tờ khai mẫu 01 – còn 3 ngày", mime.Subject);
        foreach (var body in new[] { mime.TextBody, System.Net.WebUtility.HtmlDecode(mime.HtmlBody) })
        {
            Assert.Contains($"hạn chót hết ngày {deadline}", body);
            Assert.Contains(office, body);
            Assert.Contains(VssBot.Bot.Printing.ShortFormLink.PathPrefix + profile.Journey.ReceiptNumber!["VSS-".Length..] + "-", body); // the printable form
        }
        Assert.Contains("Tờ khai để in: https://bot.truong.edu.vn/p/", mime.TextBody);
        Assert.Contains("<a href=\"http", mime.HtmlBody);
        Assert.Contains("lang=\"vi\"", mime.HtmlBody);
        Assert.DoesNotContain(LogLines(host), line => line.Contains("ha.pham@gmail.com", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(chatBefore, host.Sent().Count); // the closed chat window was not used
        Assert.Equal("email", await Ledger(host).DeliveredByAsync(StudentKey, $"countdown/{(await JourneyAsync(host))!.ReceiptNumber}/day7", default));
        Assert.Contains(7, (await JourneyAsync(host))!.RemindersSent);

        Assert.Equal(0, await RunCountdownAsync(host)); // given once
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await RunCountdownAsync(host));
        Assert.Equal(2, smtp.ReceivedEmail.Length);
        Assert.Contains(smtp.ReceivedEmail, m => Mime(m).Subject.Contains("còn 1 ngày"));
        Assert.Contains(9, (await JourneyAsync(host))!.RemindersSent);
        Assert.Empty(await Ledger(host).UndeliverableAsync(default));
        Assert.DoesNotContain(LogLines(host), line => line.Contains("ha.pham@gmail.com", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Where_the_school_configured_a_zalo_template_the_reminder_goes_as_a_template_message()
    {
        using var host = Host(new Dictionary<string, string?> { ["Zalo:ReminderTemplateId"] = "402187" });
        host.Api.Given(Request.Create().WithPath(TemplatePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = 0, message = "Success", data = new { message_id = "zbs-1" } }));
        await DeclareAsync(host, "Có nhé");

        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await RunCountdownAsync(host));

        var call = Assert.Single(host.Calls(TemplatePath)).RequestMessage!;
        var body = JsonNode.Parse(call.Body!)!;
        Assert.Equal(Student, (string?)body["user_id"]);
        Assert.Null(body["tracking_id"]); // not accepted on the UID channel
        Assert.Equal("402187", (string?)body["template_id"]);
        Assert.Equal("3", (string?)body["template_data"]!["days_left"]);
        Assert.False(string.IsNullOrEmpty((string?)body["template_data"]!["office"]));
        Assert.Equal(ZaloHost.AccessToken, call.Headers!["access_token"].Single());
        Assert.Contains(7, (await JourneyAsync(host))!.RemindersSent);

        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await RunCountdownAsync(host));
        Assert.Equal(2, host.Calls(TemplatePath).Count);
        Assert.Equal("1", (string?)JsonNode.Parse(host.Calls(TemplatePath)[^1].RequestMessage!.Body!)!["template_data"]!["days_left"]);
        Assert.Contains(9, (await JourneyAsync(host))!.RemindersSent);
        Assert.Equal("zalo-template", await Ledger(host).DeliveredByAsync(StudentKey, $"countdown/{(await JourneyAsync(host))!.ReceiptNumber}/day9", default));
        Assert.Empty(smtp.ReceivedEmail); // the first route that delivered wins
    }

    [Fact]
    public async Task Inside_the_reply_window_the_reminder_goes_by_chat()
    {
        using var host = Host();
        await DeclareAsync(host, "Có nhé");

        host.Clock.Advance(TimeSpan.FromDays(7));
        await SayAsync(host, "mình đang chuẩn bị giấy tờ");
        Assert.Equal(1, await RunCountdownAsync(host));

        Assert.Contains(Texts(host), t => t.StartsWith("⏰ Nhắc bạn: còn 3 ngày"));
        Assert.Empty(smtp.ReceivedEmail);
        Assert.Equal("chat", await Ledger(host).DeliveredByAsync(StudentKey, $"countdown/{(await JourneyAsync(host))!.ReceiptNumber}/day7", default));
    }

    [Fact]
    public async Task A_reminder_no_route_can_deliver_is_not_marked_sent_is_listed_for_a_call_and_goes_out_once_a_route_opens()
    {
        using var host = Host();
        await DeclareAsync(host, "Không cần");
        Assert.Contains(Texts(host), t => t.Contains("mình chỉ nhắc bạn ở đây thôi"));

        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await RunCountdownAsync(host));

        Assert.Empty(smtp.ReceivedEmail);
        Assert.DoesNotContain(7, (await JourneyAsync(host))!.RemindersSent); // nothing marked sent that was not
        var call = Assert.Single(await Ledger(host).UndeliverableAsync(default));
        Assert.Equal(StudentKey, call.StudentKey);
        Assert.Contains("chat: outside window", call.Reasons);
        Assert.Contains("email: no email address, or the student did not agree", call.Reasons);

        await RunCountdownAsync(host); // tried again next round, still reported once
        Assert.Equal(2, Assert.Single(await Ledger(host).UndeliverableAsync(default)).Attempts);

        await SayAsync(host, "cho mình hỏi chút"); // the student writes: the window opens
        Assert.Equal(1, await RunCountdownAsync(host));
        Assert.Contains(Texts(host), t => t.StartsWith("⏰ Nhắc bạn: còn 3 ngày"));
        Assert.Empty(await Ledger(host).UndeliverableAsync(default));
        Assert.Contains(7, (await JourneyAsync(host))!.RemindersSent);
    }
}
