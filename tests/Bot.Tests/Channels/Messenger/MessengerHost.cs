using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Channels.Webhooks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VssBot.Bot.Tests.Channels.Messenger;

/// <summary>
/// The real host with the Messenger channel on, its Send API pointed at a WireMock stand-in that answers 200
/// unless a test says otherwise. Posts payloads signed like Meta does and waits for the background turns.
/// </summary>
public sealed class MessengerHost : IDisposable
{
    public const string AppSecret = "3f1c9e8a7b6d5c4e3f2a1b0c9d8e7f6a";
    public const string VerifyToken = "vssbot-verify-7d41";
    public const string PageAccessToken = "EAAGm0PX4ZCpsBAKlaTokenForTests";
    public const string PageId = "106482119046782";
    public const string SendPath = "/v21.0/me/messages";

    public MessengerHost(Action<IServiceCollection>? testServices = null, int sendRetries = 3)
    {
        Api = WireMockServer.Start();
        Api.Given(Request.Create().WithPath(SendPath).UsingPost()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { recipient_id = "7301148291034561", message_id = "m_sent" }));
        Factory = new VssBotFactory(null, new Dictionary<string, string?>
        {
            ["Messenger:AppSecret"] = AppSecret,
            ["Messenger:VerifyToken"] = VerifyToken,
            ["Messenger:PageAccessToken"] = PageAccessToken,
            ["Messenger:SendApiBaseAddress"] = Api.Url + "/v21.0/",
            ["Messenger:SendRetries"] = sendRetries.ToString(),
            ["Messenger:SendRetryDelay"] = "00:00:00.010",
        }, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            testServices?.Invoke(services);
        });
        Client = Factory.CreateClient();
    }

    /// <summary>Shortly after the recorded payloads were sent (2026-01-01), so they are inside the 24-hour window.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1767240060000));

    public WireMockServer Api { get; }
    public VssBotFactory Factory { get; }
    public HttpClient Client { get; }

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Messenger", "Payloads", name));

    /// <summary>POSTs <paramref name="body"/> as Meta does (signature over the exact bytes) unless told otherwise.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? signature = "sign")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, MessengerChannel.WebhookPath) { Content = content };
        if (signature is not null)
            request.Headers.Add("X-Hub-Signature-256", signature == "sign" ? MessengerSignature.Sign(bytes, AppSecret) : signature);
        return Client.SendAsync(request);
    }

    /// <summary>Posts and waits until every queued turn has run.</summary>
    public async Task DeliverAsync(string body)
    {
        var response = await PostAsync(body);
        response.EnsureSuccessStatusCode();
        await IdleAsync();
    }

    public Task IdleAsync() => Factory.Services.GetRequiredService<UserTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The bodies the Send API stand-in received, in order.</summary>
    public List<JsonObject> Sent() => Api.LogEntries
        .Where(e => e.RequestMessage!.Path == SendPath)
        .OrderBy(e => e.RequestMessage!.DateTime)
        .Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!.AsObject())
        .ToList();

    /// <summary>The texts of the messages sent to <paramref name="userId"/>, in order.</summary>
    public List<string> SentTexts(string? userId = null) => Sent()
        .Where(b => userId is null || (string?)b["recipient"]!["id"] == userId)
        .Select(b => (string?)b["message"]?["text"])
        .OfType<string>()
        .ToList();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Api.Stop();
        Api.Dispose();
    }
}
