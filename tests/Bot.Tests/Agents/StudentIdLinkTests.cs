using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace VssBot.Bot.Tests.Agents;

public sealed class StudentIdLinkTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Fact]
    public async Task A_student_who_gives_a_roster_student_id_is_counted_for_that_student_on_the_dashboard()
    {
        var admin = await host.SignInAsync("dung");
        var settings = await admin.PostAsJsonAsync("/api/school/settings", new { schoolName = "Trường Đại học Thử", hotline = "1900 9068", deadline = (string?)null, askStudentId = true });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.True((await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("askStudentId").GetBoolean());

        var staff = await host.SignInAsync("cuc");
        var csv = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("2021101,Trần Văn Khoa,K66CB,Cơ khí,Lê Văn Tâm\n2021102,Ngô Thị Lan,K66CB,Cơ khí,Lê Văn Tâm\n")), "file", "ds.csv" },
        };
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/school/roster", csv)).StatusCode);

        var student = new TestStudent(host.CreateClient(), "link-1");
        await student.SayAsync("xin chào");
        await student.SayAsync("Đã cài rồi");
        Assert.Contains("Mã số sinh viên của bạn là gì?", await student.SayAsync("đồng ý"));
        var replies = await student.SayAsync("2021101");
        Assert.Contains(replies, r => r.Contains("Câu 1", StringComparison.Ordinal));
        // The console's directory is written after each turn, off the request: wait until it has this one.
        await host.Services.GetRequiredService<VssBot.Bot.Agents.Directory.ConversationRecorder>().FlushAsync(CancellationToken.None);

        var chats = await staff.GetFromJsonAsync<JsonElement>("/api/school/chats");
        Assert.Equal("2021101", chats.EnumerateArray().Single(c => c.GetProperty("key").GetString() == student.Key).GetProperty("rosterId").GetString());
        var completion = await staff.GetFromJsonAsync<JsonElement>("/api/school/completion");
        var group = completion.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("className").GetString() == "K66CB");
        Assert.Equal(2, group.GetProperty("total").GetInt32());
        Assert.Equal(1, group.GetProperty("counts").GetProperty("declaring").GetInt32());
        Assert.Equal(1, group.GetProperty("counts").GetProperty("notStarted").GetInt32());
    }
}
