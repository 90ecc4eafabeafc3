using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Tests.Channels.Messenger;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Tests.Channels.BotFramework;
using VssBot.Bot.Tests.Declarations;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>
/// Three replicas on one real PostgreSQL, each turn of each student sent to a random replica, one replica stopped and
/// started again halfway: every student gets the right summary and a receipt, and every replica's registry API lists
/// exactly one declaration per student. Meanwhile Messenger users write to random replicas' webhooks, some to the replica
/// just before it stops: every message acknowledged is answered exactly once (one turn: one typing_on), whichever
/// replica runs it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ThreeReplicasTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Students = 60;
    private const int WebhookUsers = 30;
    private const int StrandedUsers = 10;
    private static readonly string[] WebhookScript = ["xin chao", "roi", "dong y"];
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static IReadOnlyList<string> Script(int student) => HappyPath.ToSummaryWithEmail($"sv{student:D3}@gmail.com");

    [Fact]
    public async Task Sixty_students_on_random_replicas_with_one_restarted_halfway_each_get_one_declaration_everywhere()
    {
        using var api = WireMockServer.Start();
        api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { recipient_id = "psid", message_id = "m_sent" }));
        using var replicas = new ReplicaSet(connectionString, 3, new Dictionary<string, string?>
        {
            ["Messenger:AppSecret"] = MessengerHost.AppSecret,
            ["Messenger:VerifyToken"] = MessengerHost.VerifyToken,
            ["Messenger:PageAccessToken"] = MessengerHost.PageAccessToken,
            ["Messenger:GraphBaseAddress"] = api.Url + "/",
            ["Messenger:GraphApiVersion"] = "v26.0",
            ["Messenger:SendRetries"] = "0",
            ["WebhookInbox:Lease"] = "00:00:15", // renewed every 5 s: long enough for a slow, loaded machine (a lost lease re-runs a turn)
            ["WebhookInbox:PollInterval"] = "00:00:01",
        });
        replicas.StartAll();
        var turns = new int[replicas.Count];
        var inFlight = new int[replicas.Count];
        var finished = 0;
        var restart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var routing = new SemaphoreSlim(1, 1);
        var started = DateTime.UtcNow;

        async Task<string> TurnAsync(int student, string text)
        {
            // A turn is never routed to a replica being stopped; in flight elsewhere it goes on.
            await routing.WaitAsync();
            var (index, host) = replicas.Any();
            Interlocked.Increment(ref turns[index]);
            Interlocked.Increment(ref inFlight[index]);
            routing.Release();
            try
            {
                var activity = BotFrameworkClient.Message($"conv-{student}", text);
                activity["from"]!["id"] = $"student-{student}";
                using var client = host.CreateClient();
                var response = await client.PostActivityAsync(activity);
                response.EnsureSuccessStatusCode();
                var body = JObject.Parse(await response.Content.ReadAsStringAsync());
                return string.Join("\n", body["activities"]!.Select(a => (string?)a["text"] ?? ""));
            }
            finally
            {
                Interlocked.Decrement(ref inFlight[index]);
            }
        }

        // Messenger users: each message to a random replica's webhook; counted once acknowledged (200).
        var acknowledged = new ConcurrentDictionary<string, int>();
        async Task WriteAsync(VssBotFactory host, string user, int n)
        {
            using var client = host.CreateClient();
            var response = await client.SendAsync(MessengerHost.SignedPost(
                MessengerHost.Message(user, $"m_{user}_{n}", WebhookScript[n], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
            response.EnsureSuccessStatusCode();
            acknowledged.AddOrUpdate(user, 1, (_, c) => c + 1);
        }
        var webhookRuns = Enumerable.Range(0, WebhookUsers).Select(async user =>
        {
            for (var n = 0; n < WebhookScript.Length; n++)
            {
                await Task.Delay(Random.Shared.Next(500, 3000));
                await routing.WaitAsync();
                var (_, host) = replicas.Any();
                routing.Release();
                await WriteAsync(host, $"psid-{user:D3}", n);
            }
        }).ToList();

        var receipts = new string[Students];
        var summaries = new string[Students];
        using var parallel = new SemaphoreSlim(10);
        var runs = Enumerable.Range(0, Students).Select(async student =>
        {
            await parallel.WaitAsync();
            try
            {
                foreach (var say in Script(student))
                    summaries[student] = await TurnAsync(student, say);
                receipts[student] = ReceiptPattern().Match(await TurnAsync(student, "ghi nhan")).Value;
                if (Interlocked.Increment(ref finished) == Students / 2)
                    restart.TrySetResult();
            }
            finally
            {
                parallel.Release();
            }
        }).ToList();

        await restart.Task;
        await routing.WaitAsync();
        // Out of routing (as a failing readiness probe does); the turns it is answering finish, then it stops with its
        // outbox worker's claims (and the deliveries and follow-ups behind them) cut off.
        while (Volatile.Read(ref inFlight[1]) > 0)
            await Task.Delay(10);
        // Its webhook still answered a moment ago: messages it acknowledged just before the stop.
        await Task.WhenAll(Enumerable.Range(0, StrandedUsers).Select(user => WriteAsync(replicas[1], $"psid-stop-{user:D3}", 0)));
        replicas.Stop(1);
        routing.Release();
        await Task.Delay(200);
        await routing.WaitAsync();
        replicas.Start(1);
        routing.Release();
        await Task.WhenAll(runs);
        await Task.WhenAll(webhookRuns);
        await replicas[0].Services.GetRequiredService<WebhookInboxWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"{Students} students, {Students * 19} turns in {(DateTime.UtcNow - started).TotalSeconds:F1} s; turns per replica: {string.Join(", ", turns)}");

        for (var student = 0; student < Students; student++)
        {
            Assert.Contains($"sv{student:D3}@gmail.com", summaries[student]);
            Assert.Contains("Ghi nhận", summaries[student]);
            Assert.False(string.IsNullOrEmpty(receipts[student]), $"student {student} got no receipt");
        }
        Assert.Equal(Students, receipts.Distinct().Count());

        // Every acknowledged webhook message ran exactly one turn (each turn starts with one typing_on) and was answered.
        var sent = api.LogEntries.Where(e => e.RequestMessage!.Path == MessengerHost.SendPath)
            .Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.RequestMessage!.Body!)!).ToList();
        Assert.Equal(WebhookUsers * WebhookScript.Length + StrandedUsers, acknowledged.Values.Sum());
        foreach (var (user, count) in acknowledged)
        {
            var toUser = sent.Where(b => (string?)b["recipient"]!["id"] == user).ToList();
            Assert.Equal(count, toUser.Count(b => (string?)b["sender_action"] == "typing_on"));
            Assert.Contains(toUser, b => b["message"] is not null);
        }
        output.WriteLine($"{acknowledged.Values.Sum()} webhook messages acknowledged, {sent.Count} Send API calls");
        Assert.All(turns, t => Assert.True(t > 0));

        for (var index = 0; index < replicas.Count; index++)
        {
            using var client = replicas[index].CreateClient();
            client.DefaultRequestHeaders.Add(DeclarationApiOptions.ApiKeyHeader, ReplicaSet.RegistryKey);
            List<Declaration> listed = [];
            await DeclarationHosts.EventuallyAsync(async () =>
                (listed = (await client.GetFromJsonAsync<List<Declaration>>("/registry/v1/declarations", DeclarationDatabase.Json))!).Count >= Students,
                $"{Students} declarations at replica {index}'s registry", seconds: 60, describe: async () => listed.Count);
            Assert.Equal(Enumerable.Range(0, Students).Select(s => $"emulator/student-{s}").Order(), listed.Select(d => d.StudentId).Order());
            Assert.Equal(receipts.Order(), listed.Select(d => d.ReceiptNumber).Order());
        }
    }

    [GeneratedRegex(@"VSS-\d{8}-[0-9A-Z]{4,}")]
    private static partial Regex ReceiptPattern();
}
