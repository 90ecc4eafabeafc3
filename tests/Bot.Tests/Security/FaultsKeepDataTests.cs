using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, row 10: a wrong data key makes turns fail with an apology and deletes nothing.</summary>
public sealed class FaultsKeepDataTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(10, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(50, 32).Select(i => (byte)i).ToArray());

    private static VssBotFactory Host(string database, string key) =>
        new(database, new Dictionary<string, string?> { ["DataProtection:Key"] = key }, s => s.AddSingleton<IBot, CountingBot>());

    [Fact]
    public async Task A_wrong_data_key_apologises_and_the_state_is_still_there_with_the_right_key()
    {
        var database = VssBotFactory.NewDatabasePath();
        try
        {
            using (var right = Host(database, KeyA))
                Assert.Equal(["1"], await right.CreateClient().ReplyTextsAsync("c-key", "một"));

            using (var wrong = Host(database, KeyB))
            {
                var replies = await wrong.CreateClient().ReplyTextsAsync("c-key", "hai");
                Assert.StartsWith("Xin lỗi, mình gặp trục trặc", Assert.Single(replies));
                await wrong.CreateClient().ReplyTextsAsync("c-key", "ba");
            }

            using var fixedAgain = Host(database, KeyA);
            Assert.Equal(["2"], await fixedAgain.CreateClient().ReplyTextsAsync("c-key", "bốn"));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
                File.Delete(file);
        }
    }
}
