using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.Console;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.HandOff;
using VssBot.Bot.Agents.School;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Storage.Notifications;
using VssBot.Bot.Tests.Channels.Messenger;
using VssBot.Bot.Tests.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>
/// Two replicas on one PostgreSQL with Messenger on, one Send API stand-in: a student writes to replica B's webhook, an
/// agent on replica A sees it live, takes the conversation over and replies; the reply reaches the student, the student's
/// next message reaches the agent's console on A, and no agent on B can take the conversation meanwhile.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentAcrossReplicasTests(PostgresServer server) : IAsyncLifetime
{
    private const string Student = "7301148291034561";
    private const string Key = $"facebook/{Student}";
    private string connectionString = "";
    private readonly WireMockServer api = WireMockServer.Start();

    public async Task InitializeAsync()
    {
        connectionString = await server.CreateDatabaseAsync();
        api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { recipient_id = Student, message_id = "m_sent" }));
    }

    public Task DisposeAsync()
    {
        api.Stop();
        api.Dispose();
        return Task.CompletedTask;
    }

    private VssBotFactory Replica()
    {
        var replica = new VssBotFactory(null, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["DataProtection:Key"] = TestKeys.Base64,
            ["Messenger:AppSecret"] = MessengerHost.AppSecret,
            ["Messenger:VerifyToken"] = MessengerHost.VerifyToken,
            ["Messenger:PageAccessToken"] = MessengerHost.PageAccessToken,
            ["Messenger:GraphBaseAddress"] = api.Url + "/",
            ["Messenger:GraphApiVersion"] = "v26.0",
            ["Messenger:SendRetries"] = "0",
        });
        replica.CreateClient().Dispose(); // started: the listener and the inbox worker run
        return replica;
    }

    private static async Task PostAsync(VssBotFactory replica, string mid, string text)
    {
        using var client = replica.CreateClient();
        (await client.SendAsync(MessengerHost.SignedPost(MessengerHost.Message(Student, mid, text, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())))).EnsureSuccessStatusCode();
    }

    private List<string> SentTexts() => [.. api.LogEntries
        .Where(e => e.RequestMessage!.Path == MessengerHost.SendPath)
        .OrderBy(e => e.RequestMessage!.DateTime)
        .Select(e => (string?)JsonNode.Parse(e.RequestMessage!.Body!)!["message"]?["text"])
        .OfType<string>()];

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            Assert.True(waited < 30_000, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_agent_on_one_replica_takes_over_a_student_writing_to_another_and_the_reply_reaches_the_student()
    {
        using var a = Replica();
        using var b = Replica();
        await a.Services.GetRequiredService<PostgresChangeNotifications>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource();
        var seenOnA = new ConcurrentQueue<AgentEvent>();
        var events = a.Services.GetRequiredService<AgentEvents>().SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var reading = Task.Run(async () =>
        {
            try
            {
                while (await events.MoveNextAsync())
                    seenOnA.Enqueue(events.Current);
            }
            catch (OperationCanceledException) { }
        });

        // The student writes to replica B; the bot answers; replica A's console hears of it and lists the student.
        await PostAsync(b, "m_cross_1", "xin chào");
        await Until(async () => SentTexts().Count > 0 && await a.Services.GetRequiredService<StudentDirectory>().FindAsync(Key, default) is not null, "the bot's answer");
        await Until(() => Task.FromResult(seenOnA.Any(e => e == new AgentEvent("message", Key))), "the console event on A");

        // An agent on A takes over and replies: both reach the student through the Send API.
        var onA = a.Services.GetRequiredService<HandOffService>();
        Assert.Equal(HandOffResult.Done, await onA.TakeOverAsync(Key, "an", default));
        Assert.Equal(HandOffResult.HeldByAnother, await b.Services.GetRequiredService<HandOffService>().TakeOverAsync(Key, "binh", default));
        Assert.Equal(HandOffResult.Done, await onA.ReplyAsync(Key, "an", "Chào bạn, mình là An ở đường dây nóng.", default));
        Assert.Contains(HandOffService.TakenOverNotice, SentTexts());
        Assert.Equal("Chào bạn, mình là An ở đường dây nóng.", SentTexts()[^1]);

        // The student's next message, again to B, reaches the agent's console on A; the bot stays silent.
        var before = SentTexts().Count;
        var messageEvents = seenOnA.Count(e => e == new AgentEvent("message", Key));
        await PostAsync(b, "m_cross_2", "dạ em cần hỏi về mẫu 01");
        var transcript = a.Services.GetRequiredService<StudentTranscript>();
        await Until(async () => (await transcript.RecentAsync(Key, 20, default)).Any(line => line.Sender == Sender.Student && line.Text == "dạ em cần hỏi về mẫu 01"),
            "the student's message in the transcript A shows");
        await Until(() => Task.FromResult(seenOnA.Count(e => e == new AgentEvent("message", Key)) > messageEvents), "the student's message on A's console");
        await b.Services.GetRequiredService<VssBot.Bot.Channels.Webhooks.Inbox.WebhookInboxWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(before, SentTexts().Count);

        // Whichever replica ran a turn, its console event reaches the consoles of every replica (ids only).
        await b.Services.GetRequiredService<AgentEvents>().PublishAsync(new AgentEvent("queue", "facebook/probe"));
        await Until(() => Task.FromResult(seenOnA.Contains(new AgentEvent("queue", "facebook/probe"))), "an event published on B seen on A");

        // Handed back on A: B sees the conversation free.
        Assert.Equal(HandOffResult.Done, await onA.HandBackAsync(Key, "an", default));
        Assert.Null((await b.Services.GetRequiredService<StudentDirectory>().FindAsync(Key, default))!.HeldBy);
        await stop.CancelAsync();
        await reading;
    }

    [Fact]
    public async Task Campaign_settings_saved_on_one_replica_apply_on_the_others()
    {
        using var a = Replica();
        using var b = Replica();
        await b.Services.GetRequiredService<PostgresChangeNotifications>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await a.Services.GetRequiredService<CampaignStore>().SaveAsync(new CampaignChanges("Đại học Kinh tế Quốc dân", "024 3628 0280", null), default));

        var onB = b.Services.GetRequiredService<CampaignStore>();
        await Until(() => Task.FromResult(onB.Current.Hotline == "024 3628 0280"), "the new hotline on B");
        Assert.Equal("Đại học Kinh tế Quốc dân", onB.Current.SchoolName);
    }
}
