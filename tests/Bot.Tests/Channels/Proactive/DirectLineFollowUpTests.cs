using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Tests.Channels.DirectLine;
using VssBot.Bot.Tests.Declarations;

namespace VssBot.Bot.Tests.Channels.Proactive;

/// <summary>The "📨 Tờ khai … đã được gửi" follow-up reaches every Direct Line student, one after another and all at once.</summary>
public sealed class DirectLineFollowUpTests : IDisposable
{
    private readonly string databasePath = VssBotFactory.NewDatabasePath();

    public void Dispose() => DeclarationHosts.DeleteDatabase(databasePath);

    [Fact]
    public async Task Twenty_declarations_on_direct_line_get_twenty_follow_ups()
    {
        using var bot = DirectLineClient.NewFactory(databasePath, settings: DeclarationHosts.FastSettings(),
            testServices: services => services.AddHttpClient(VssBot.Bot.Declarations.DeclarationApiOptions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((Microsoft.AspNetCore.TestHost.TestServer)sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()).CreateHandler()));
        var client = bot.CreateClient();

        var conversations = new List<DirectLineConversation>();
        for (var i = 0; i < 20; i++)
        {
            var conversation = await client.StartAsync();
            conversations.Add(conversation);
            var replies = await HappyPath.DeclareAsync(async text =>
            {
                var response = await client.PostMessageAsync(conversation.ConversationId, conversation.Token, text);
                response.EnsureSuccessStatusCode();
                return [];
            });
        }

        var told = 0;
        await DeclarationHosts.EventuallyAsync(async () =>
        {
            told = 0;
            foreach (var conversation in conversations)
                if ((await client.ActivitiesAsync(conversation)).Texts().Any(t => t.StartsWith("📨 Tờ khai")))
                    told++;
            return told == conversations.Count;
        }, "a follow-up in every conversation", seconds: 60, describe: () => Task.FromResult<object>($"{told} of {conversations.Count}"));
        foreach (var conversation in conversations)
            Assert.Single((await client.ActivitiesAsync(conversation)).Texts(), t => t.StartsWith("📨 Tờ khai"));
    }
}
