using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.School;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Agents;

public sealed class SchoolReminderTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    private const string Reminder = "Nhà trường nhắc bạn: bạn chưa hoàn thành đăng ký tài khoản VssID";

    [Fact]
    public async Task Staff_remind_every_linked_student_not_finished_and_see_who_could_not_be_reached()
    {
        var staff = await host.SignInAsync("cuc");
        var csv = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("""
                3021001,Vũ Thị Mai,K67A,Luật,Hồ Văn Sơn
                3021002,Đặng Quốc Huy,K67A,Luật,Hồ Văn Sơn
                3021003,Bùi Thanh Hà,K67A,Luật,Hồ Văn Sơn
                3021004,Lý Minh Đức,K67A,Luật,Hồ Văn Sơn
                """)), "file", "ds.csv" },
        };
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/school/roster", csv)).StatusCode);

        // Mai is on her way, Huy's channel declines (reply window closed), Hà's channel cannot be messaged, Đức has logged in.
        var mai = new TestStudent(host.CreateClient(), "remind-mai");
        var huy = new TestStudent(host.CreateClient(), "remind-huy");
        var duc = new TestStudent(host.CreateClient(), "remind-duc");
        foreach (var s in new[] { mai, huy, duc }) await s.SayAsync("xin chào");
        var directory = host.Services.GetRequiredService<StudentDirectory>();
        // The console's directory is written after each turn (ConversationRecorder): wait, bounded, until it has all three.
        for (var tries = 0; tries < 100; tries++)
        {
            var known = 0;
            foreach (var s in new[] { mai, huy, duc })
                if (await directory.FindAsync(s.Key, CancellationToken.None) is not null) known++;
            if (known == 3) break;
            await Task.Delay(100);
        }
        var ha = new ConversationReference
        {
            ChannelId = "nowhere", User = new ChannelAccount("remind-ha"), Bot = new ChannelAccount("vssbot"), Conversation = new ConversationAccount(id: "conv-ha"),
        };
        await directory.RecordTurnAsync("nowhere/remind-ha", ha, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var loggedIn = new StudentProfile { Journey = new JourneyRecord { State = JourneyState.LoggedIn } };
        await directory.RecordTurnAsync(duc.Key, (await directory.FindAsync(duc.Key, CancellationToken.None))!.Reference, loggedIn, DateTimeOffset.UtcNow, CancellationToken.None);
        foreach (var (key, id) in new[] { (mai.Key, "3021001"), (huy.Key, "3021002"), ("nowhere/remind-ha", "3021003"), (duc.Key, "3021004") })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync("/api/school/link", new { studentKey = key, studentId = id })).StatusCode);
        host.Channel.Refuse["remind-huy"] = true;

        var response = await staff.PostAsync("/api/school/remind", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("sent").GetInt32());
        var notSent = result.GetProperty("notSent").EnumerateArray()
            .Select(n => (n.GetProperty("studentId").GetString(), n.GetProperty("fullName").GetString(), n.GetProperty("channel").GetString(), n.GetProperty("reason").GetString()))
            .OrderBy(n => n.Item1).ToList();
        var texts = host.Services.GetRequiredService<VssBot.Dialogs.Texts.BotTexts>();
        Assert.Equal([("3021002", "Đặng Quốc Huy", "test"), ("3021003", "Bùi Thanh Hà", "nowhere")], notSent.Select(n => (n.Item1, n.Item2, n.Item3)));
        // Why, in Vietnamese, the chat's reason first, then the other routes' (no email agreed, no template): no route's English words.
        Assert.StartsWith(texts["staff.reason.chat_outside_window"], notSent[0].Item4);
        Assert.StartsWith(texts["staff.reason.chat_no_route"], notSent[1].Item4);
        foreach (var n in notSent)
            AssertVietnameseReason(n.Item4);
        Assert.Contains(host.Channel.TextsTo("remind-mai"), t => t.Contains(Reminder, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Channel.TextsTo("remind-duc"), t => t.Contains(Reminder, StringComparison.Ordinal));
        Assert.Empty(host.Channel.TextsTo("remind-huy"));

        // What no route delivered is on the dashboard's "Cần gọi điện" list, with the roster's names, for the hotline.
        var calls = (await staff.GetFromJsonAsync<JsonElement>("/api/school/call-list")).EnumerateArray()
            .Select(c => (c.GetProperty("studentId").GetString(), c.GetProperty("fullName").GetString(), c.GetProperty("reminder").GetString()))
            .OrderBy(c => c.Item1).ToList();
        Assert.Equal([("3021002", "Đặng Quốc Huy", "Nhắc của nhà trường"), ("3021003", "Bùi Thanh Hà", "Nhắc của nhà trường")], calls);
        var callReasons = (await staff.GetFromJsonAsync<JsonElement>("/api/school/call-list")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("studentId").GetString()!, c => c.GetProperty("reasons").GetString());
        Assert.Equal(notSent[0].Item4, callReasons["3021002"]);
        Assert.Equal(notSent[1].Item4, callReasons["3021003"]);
        Assert.Contains("Cần gọi điện", await staff.GetStringAsync("/school"));

        var audit = await host.Services.GetRequiredService<AuditLog>().RecentAsync(50, mai.Key, CancellationToken.None);
        Assert.Contains(audit, a => a.UserName == "cuc" && a.Action == "remind:unfinished");
    }

    private static void AssertVietnameseReason(string? reason)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        foreach (var english in new[] { "chat", "email:", "window", "route", "failed", "Failed", "OutsideWindow", "NoRoute", "SMTP", "template" })
            Assert.DoesNotContain(english, reason);
    }

    [Fact]
    public async Task A_reminder_without_the_antiforgery_token_is_refused()
    {
        var staff = await host.SignInAsync("cuc");
        staff.DefaultRequestHeaders.Remove(VssBot.Bot.Agents.Auth.AgentSignInApi.CsrfHeader);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/school/remind", null)).StatusCode);
    }
}
