using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using VssBot.Dialogs;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Channels.BotFramework;

/// <summary>
/// A student installs then declares through POST /api/messages with expectReplies, with messy diacritic-less
/// answers, over the embedded SQLite store, and the process restarts in the middle of the form.
/// </summary>
public sealed class DeclarationOverHttpTests : IDisposable
{
    private readonly string databasePath = VssBotFactory.NewDatabasePath();

    public void Dispose()
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task A_student_installs_then_declares_over_http_across_a_restart_and_the_journey_shows_declared()
    {
        const string conversation = "http-declaration";
        using (var first = new VssBotFactory(databasePath))
        {
            var client = first.CreateClient();
            await Expect(client, conversation, "xin chao", "Bạn đã cài ứng dụng VssID trên điện thoại chưa?");
            await Expect(client, conversation, "chua", "Android hay iPhone");
            await Expect(client, conversation, "iphone", "https://apps.apple.com/vn/app/vssid/id1521647264");
            await Expect(client, conversation, "xong roi", "Bạn đồng ý chứ?");
            await Expect(client, conversation, "dong y", "Câu 1");
            await Expect(client, conversation, "Phạm Thu Hà", "Câu 2");
            await Expect(client, conversation, "0113099841", "Câu 3");
        }

        using var second = new VssBotFactory(databasePath);
        var restarted = second.CreateClient();
        await Expect(restarted, conversation, "cccd 036 303 012 345", "Câu 4");
        await Expect(restarted, conversation, "nam dinh", "Nam Định đã hợp nhất vào Tỉnh Ninh Bình");
        var communes = await Replies(restarted, conversation, "xyz khong co");
        Assert.Contains(communes, r => ((string?)r["text"])!.Contains("Mình chưa tìm thấy phường/xã này"));
        await Expect(restarted, conversation, "hoa lu", "Số nhà");
        await Expect(restarted, conversation, "so 1 duong tran hung dao", "Câu 5");
        await Expect(restarted, conversation, "bo qua", "Câu 6");
        await Expect(restarted, conversation, "dung", "Câu 7");
        await Expect(restarted, conversation, "ha.pham@gmail.com", "Câu 8");
        await Expect(restarted, conversation, "0987 654 321", "Câu 9");
        await Expect(restarted, conversation, "hom nay", "Câu 10");
        await Expect(restarted, conversation, "cong thong tin", "Câu 11");
        await Expect(restarted, conversation, "dong y", "Câu 12");
        await Expect(restarted, conversation, "sua so dien thoai", "Câu 8");
        await Expect(restarted, conversation, "0912345678", "Câu 12");
        await Expect(restarted, conversation, "1", "Câu 13");

        var summary = await Replies(restarted, conversation, "tai co quan");
        var text = string.Join("\n", summary.Select(r => (string?)r["text"]));
        foreach (var line in new[] { "Phạm Thu Hà", "0113099841", "036303012345", "so 1 duong tran hung dao, Phường Hoa Lư, Tỉnh Ninh Bình",
                     "ha.pham@gmail.com", "0912345678", "Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam", "Tại nơi tiếp nhận hồ sơ" })
            Assert.Contains(line, text);
        var buttons = summary[^1]["suggestedActions"]!["actions"]!.Select(a => (string?)a["title"]).ToList();
        Assert.Equal(["Ghi nhận", "Sửa thông tin"], buttons);

        await Expect(restarted, conversation, "ghi nhan", "Đã ghi nhận tờ khai");
        Assert.Equal(JourneyState.Declared, await JourneyStateAsync(second, conversation));

        // At rest, the file holds none of it in clear (state is encrypted with the generated development key).
        VssBot.Bot.Tests.Storage.SqlitePools.Release(databasePath);
        var raw = Privacy.RawFiles.Text([databasePath, databasePath + "-wal"]);
        foreach (var secret in PersonalValuesTyped)
            Assert.DoesNotContain(secret, raw);
    }

    /// <summary>Personal values the student typed in these tests, as they would appear in clear.</summary>
    internal static readonly string[] PersonalValuesTyped = ["0113099841", "036303012345", "ha.pham@gmail.com", "987654321", "912345678", "Phạm Thu Hà", "tran hung dao"];

    private static async Task<JourneyState> JourneyStateAsync(VssBotFactory factory, string conversationId)
    {
        var storage = factory.Services.GetRequiredService<IStorage>();
        var items = await storage.ReadAsync(["emulator/users/student-1"]);
        var student = (JObject)JToken.FromObject(items["emulator/users/student-1"], Newtonsoft.Json.JsonSerializer.Create(new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None }))["student"]!;
        return Enum.Parse<JourneyState>((string)student["Journey"]!["State"]!);
    }

    internal static async Task Expect(HttpClient client, string conversation, string say, string expected)
    {
        var replies = await Replies(client, conversation, say);
        var texts = replies.Select(r => (string?)r["text"] ?? "").ToList();
        Assert.True(texts.Any(t => t.Contains(expected, StringComparison.Ordinal)),
            $"After \"{say}\" expected a reply containing \"{expected}\", got:\n{string.Join("\n---\n", texts)}");
    }

    internal static async Task<IReadOnlyList<JToken>> Replies(HttpClient client, string conversation, string say)
    {
        var response = await client.PostActivityAsync(BotFrameworkClient.Message(conversation, say));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.ToList();
    }
}
