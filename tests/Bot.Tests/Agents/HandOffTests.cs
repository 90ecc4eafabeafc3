using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.HandOff;

namespace VssBot.Bot.Tests.Agents;

public sealed class HandOffTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    private const string InstalledQuestion = "Bạn đã cài ứng dụng VssID trên điện thoại chưa?";

    private static string Url(string action, TestStudent student) => $"/api/agents/student/{action}?key={Uri.EscapeDataString(student.Key)}";

    [Fact]
    public async Task A_student_who_asks_for_a_person_is_in_the_queue_with_the_channel_and_the_last_messages()
    {
        var student = new TestStudent(host.CreateClient(), "queue-1");
        await student.SayAsync("xin chào");
        await student.SayAsync("gặp nhân viên");

        var agent = await host.SignInAsync("an");
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/agents/queue");
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == student.Key);
        Assert.Equal("test", item.GetProperty("channel").GetString());
        Assert.Equal("Sinh viên muốn gặp nhân viên", item.GetProperty("reason").GetString());
        Assert.Contains(item.GetProperty("lastMessages").EnumerateArray(), m => m.GetProperty("text").GetString() == "gặp nhân viên");
    }

    [Fact]
    public async Task Taking_over_silences_the_bot_the_agents_reply_reaches_the_student_and_handing_back_asks_the_open_question_again()
    {
        var student = new TestStudent(host.CreateClient(), "handoff-1");
        Assert.Equal(InstalledQuestion, (await student.SayAsync("xin chào"))[^1]);
        await student.SayAsync("gặp nhân viên");
        var agent = await host.SignInAsync("an");

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync(Url("claim", student), null)).StatusCode);
        Assert.Equal([HandOffService.TakenOverNotice], host.Channel.TextsTo("handoff-1"));

        // While the agent holds the conversation the bot says nothing, but the agent sees the message.
        Assert.Empty(await student.SayAsync("mình không tìm thấy ứng dụng"));
        var detail = await agent.GetFromJsonAsync<JsonElement>("/api/agents/student?key=" + Uri.EscapeDataString(student.Key));
        Assert.Equal("mình không tìm thấy ứng dụng", detail.GetProperty("transcript").EnumerateArray().Last().GetProperty("text").GetString());
        Assert.Equal("đang được cán bộ hỗ trợ", detail.GetProperty("journey").GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync(Url("reply", student), new { text = "Bạn tìm “VssID” trên CH Play nhé." })).StatusCode);
        Assert.Equal("Bạn tìm “VssID” trên CH Play nhé.", host.Channel.TextsTo("handoff-1")[^1]);

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync(Url("handback", student), null)).StatusCode);
        var sent = host.Channel.TextsTo("handoff-1");
        Assert.Equal(HandOffService.HandedBackNotice, sent[^2]);
        Assert.Equal(InstalledQuestion, sent[^1]);

        // The bot answers again, from where the student was.
        Assert.NotEmpty(await student.SayAsync("Đã cài rồi"));
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/agents/queue");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == student.Key);
    }

    [Fact]
    public async Task A_second_agent_cannot_take_a_conversation_already_taken()
    {
        var student = new TestStudent(host.CreateClient(), "handoff-2");
        await student.SayAsync("gặp nhân viên");
        var an = await host.SignInAsync("an");
        var binh = await host.SignInAsync("binh");

        Assert.Equal(HttpStatusCode.OK, (await an.PostAsync(Url("claim", student), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await binh.PostAsync(Url("claim", student), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await binh.PostAsJsonAsync(Url("reply", student), new { text = "chào" })).StatusCode);
    }

    [Fact]
    public async Task Of_many_agents_claiming_at_once_exactly_one_gets_the_conversation()
    {
        var student = new TestStudent(host.CreateClient(), "claim-race");
        await student.SayAsync("gặp nhân viên");
        var directory = host.Services.GetRequiredService<StudentDirectory>();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => directory.TryClaimAsync(student.Key, $"agent-{i}", DateTimeOffset.UtcNow, CancellationToken.None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Revealing_a_personal_number_is_written_to_the_audit_log()
    {
        var student = new TestStudent(host.CreateClient(), "reveal-1");
        await student.SayAsync("gặp nhân viên");
        var agent = await host.SignInAsync("binh");

        var response = await agent.PostAsync(Url("reveal", student) + "&field=idDocument", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await host.Services.GetRequiredService<AuditLog>().RecentAsync(50, student.Key, CancellationToken.None);
        Assert.Contains(audit, a => a.UserName == "binh" && a.Action == "reveal:idDocument");
    }
}
