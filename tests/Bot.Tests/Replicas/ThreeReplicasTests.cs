using System.Net.Http.Json;
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
/// exactly one declaration per student.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ThreeReplicasTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Students = 60;
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string[] Script(int student) =>
    [
        "xin chao", "roi", "dong y", "Phạm Thu Hà", "0113099841", "cccd 036 303 012 345", "ninh binh", "hoa lu",
        "so 1 duong tran hung dao", "bo qua", "dung", $"sv{student:D3}@gmail.com", "0912 345 678", "hom nay", "cong thong tin", "dong y", "1", "tai co quan",
    ];

    [Fact]
    public async Task Sixty_students_on_random_replicas_with_one_restarted_halfway_each_get_one_declaration_everywhere()
    {
        using var replicas = new ReplicaSet(connectionString, 3);
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
        replicas.Stop(1);
        routing.Release();
        await Task.Delay(200);
        await routing.WaitAsync();
        replicas.Start(1);
        routing.Release();
        await Task.WhenAll(runs);
        output.WriteLine($"{Students} students, {Students * 19} turns in {(DateTime.UtcNow - started).TotalSeconds:F1} s; turns per replica: {string.Join(", ", turns)}");

        for (var student = 0; student < Students; student++)
        {
            Assert.Contains($"sv{student:D3}@gmail.com", summaries[student]);
            Assert.Contains("Ghi nhận", summaries[student]);
            Assert.False(string.IsNullOrEmpty(receipts[student]), $"student {student} got no receipt");
        }
        Assert.Equal(Students, receipts.Distinct().Count());
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
