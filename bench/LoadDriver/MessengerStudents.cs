using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace VssBot.Bench.LoadDriver;

/// <summary>
/// Students on the Messenger webhook, signed as Meta signs: each posts an answer, records how long the webhook took to
/// acknowledge (the turn runs after the 200), waits for the bot's reply at <see cref="SendApiStub"/>, then answers the next
/// question. Measures what issue 12 asks of webhooks: acknowledged within 5 ms p99 under load.
/// </summary>
public sealed class MessengerStudents(HttpClient client, IReadOnlyList<string> answers, SendApiStub sendApi)
{
    public const string AppSecret = "load-driver-app-secret-0123456789";
    public const string PageId = "100000000000001";
    private long acks, errors;

    public Latencies Acks { get; } = new();
    public long Acknowledged => Interlocked.Read(ref acks);
    public long Errors => Interlocked.Read(ref errors);

    /// <summary>
    /// One student on a thread of its own, everything synchronous: the response wakes this thread itself, so the time
    /// measured is the bot's, not an async continuation's wait in the thread pool this process shares with the bot; and
    /// no thread of that pool is blocked (a blocked send on a pool thread starved the pool: 0.6–1 s stalls).
    /// </summary>
    public Task RunAsync(int index, CancellationToken stop) =>
        Task.Factory.StartNew(() => Run(index, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(int index, CancellationToken stop)
    {
        for (var conversation = 0; !stop.IsCancellationRequested; conversation++)
        {
            var sender = $"9{index:D4}{conversation:D8}";
            var replies = sendApi.RepliesTo(sender);
            for (var step = 0; step < answers.Count && !stop.IsCancellationRequested; step++)
            {
                var body = Encoding.UTF8.GetBytes(Event(sender, $"m-{sender}-{step}", answers[step]).ToJsonString());
                using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/messenger/webhook") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body)));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = client.Send(request, CancellationToken.None);
                    Acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref acks);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                // The reply comes through the Send API; a turn may send several messages: take them all.
                if (!replies.Wait(TimeSpan.FromSeconds(10))) Interlocked.Increment(ref errors);
                Thread.Sleep(30);
                while (replies.Wait(0)) { }
            }
            sendApi.Forget(sender);
        }
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref acks, 0);
        Interlocked.Exchange(ref errors, 0);
        Acks.Clear();
    }

    private static JsonObject Event(string sender, string mid, string text) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = sender },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
            }),
        }),
    };
}

/// <summary>A stand-in for Meta's Send API on Kestrel: answers 200 and signals the recipient's waiting student.</summary>
public sealed class SendApiStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> waiting = new();
    private readonly WebApplication app;

    private SendApiStub(WebApplication app) => this.app = app;

    public string BaseAddress => app.Urls.First();

    public static async Task<SendApiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SendApiStub(app);
        app.MapPost("/{version}/me/messages", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var recipient = (string?)body?["recipient"]?["id"] ?? "";
            if (stub.waiting.TryGetValue(recipient, out var replies)) replies.Release();
            return Results.Text($$"""{"recipient_id":"{{recipient}}","message_id":"m_{{Guid.NewGuid():N}}"}""", "application/json");
        });
        await app.StartAsync();
        return stub;
    }

    public SemaphoreSlim RepliesTo(string recipient) => waiting.GetOrAdd(recipient, _ => new SemaphoreSlim(0));

    public void Forget(string recipient) => waiting.TryRemove(recipient, out _);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
