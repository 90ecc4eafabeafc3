using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VssBot.Bot.Tests.Agents;

/// <summary>Issue 13: staff see people (the name given in Form 01, the roster id) and question titles, not keys.</summary>
public sealed class ConsoleAndDashboardTests
{
    [Fact]
    public async Task Linking_ignores_case_and_the_console_and_dashboard_show_the_name_roster_id_and_question_title()
    {
        await using var host = new AgentsHost();
        var staff = await host.SignInAsync("cuc");
        var roster = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("SV2024002,Phạm Thu Hà,K66CB,Cơ khí,Lê Văn Tâm\n")), "file", "ds.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/school/roster", roster)).StatusCode);

        var student = new TestStudent(host.CreateClient(), "named-1");
        foreach (var line in new[] { "xin chào", "Đã cài rồi", "đồng ý" })
            await student.SayAsync(line);
        Assert.Contains(await student.SayAsync("Phạm Thu Hà"), r => r.Contains("Câu 2", StringComparison.Ordinal));

        var link = await staff.PostAsJsonAsync("/api/school/link", new { studentKey = student.Key, studentId = "sv2024002" });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var chat = (await staff.GetFromJsonAsync<JsonElement>("/api/school/chats")).EnumerateArray().Single(c => c.GetProperty("key").GetString() == student.Key);
        Assert.Equal("SV2024002", chat.GetProperty("rosterId").GetString());
        Assert.Equal("Phạm Thu Hà", chat.GetProperty("name").GetString());

        await student.SayAsync("gặp nhân viên");
        var agent = await host.SignInAsync("an");
        var item = (await agent.GetFromJsonAsync<JsonElement>("/api/agents/queue")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == student.Key);
        Assert.Equal("Phạm Thu Hà", item.GetProperty("name").GetString());
        Assert.Equal("SV2024002", item.GetProperty("rosterId").GetString());
        Assert.Equal("2. Mã số BHXH", item.GetProperty("step").GetString());
        var detail = await agent.GetFromJsonAsync<JsonElement>("/api/agents/student?key=" + Uri.EscapeDataString(student.Key));
        Assert.Equal("Phạm Thu Hà", detail.GetProperty("name").GetString());

        var page = await staff.GetStringAsync("/school");
        Assert.Contains("href=\"/agents\"", page);
        Assert.Contains("href=\"/agents/agents.css\"", page);
        var css = await host.Anonymous().GetAsync("/agents/agents.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_student_who_declined_consent_is_not_counted_as_stopped_at_the_first_question_and_shows_the_consent_title()
    {
        await using var host = new AgentsHost();
        var declined = new TestStudent(host.CreateClient(), "declined-1");
        foreach (var line in new[] { "xin chào", "Đã cài rồi" })
            await declined.SayAsync(line);
        Assert.Contains(await declined.SayAsync("Không đồng ý"), r => r.Contains("bắt đầu", StringComparison.Ordinal));
        var onForm = new TestStudent(host.CreateClient(), "on-form-1");
        foreach (var line in new[] { "xin chào", "Đã cài rồi", "đồng ý" })
            await onForm.SayAsync(line);
        var atConsent = new TestStudent(host.CreateClient(), "at-consent-1");
        foreach (var line in new[] { "xin chào", "Đã cài rồi", "gặp nhân viên" })
            await atConsent.SayAsync(line);

        var staff = await host.SignInAsync("cuc");
        var funnel = await staff.GetFromJsonAsync<JsonElement>("/api/school/funnel");
        Assert.Equal(2, funnel.GetProperty("withoutConsent").GetInt32());
        var first = funnel.GetProperty("fields").EnumerateArray().First();
        Assert.Equal("Họ tên", first.GetProperty("label").GetString());
        Assert.Equal(1, first.GetProperty("stoppedHere").GetInt32()); // only the student on the form

        var agent = await host.SignInAsync("an");
        var item = (await agent.GetFromJsonAsync<JsonElement>("/api/agents/queue")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == atConsent.Key);
        Assert.Equal("Đồng ý cho xử lý thông tin cá nhân", item.GetProperty("step").GetString());
    }
}
