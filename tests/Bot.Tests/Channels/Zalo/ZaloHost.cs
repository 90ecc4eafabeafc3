using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VssBot.Bot.Tests.Channels.Zalo;

/// <summary>The real host with the Zalo channel on; the OA API and OAuth endpoints on one WireMock stand-in.</summary>
public sealed class ZaloHost : IDisposable
{
    public const string AppId = "4385129967461085193";
    public const string OaSecretKey = "Zq8mV1xK3pLr7TnB5wYc";
    public const string AppSecretKey = "fH2kP9sQ4vX7bN1mC6zR";
    public const string AccessToken = "oa-access-token-1";
    public const string RefreshToken = "oa-refresh-token-1";
    public const string SendPath = "/v3.0/oa/message/cs";
    public const string OAuthPath = "/v4/oa/access_token";

    public ZaloHost(Action<IServiceCollection>? testServices = null, string? databasePath = null)
    {
        Api = WireMockServer.Start();
        Api.Given(Request.Create().WithPath(SendPath).UsingPost()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = 0, message = "Success", data = new { message_id = "zmsg-1", user_id = "2468458835296117922" } }));
        Factory = new VssBotFactory(databasePath, new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = AppId,
            ["Zalo:OaSecretKey"] = OaSecretKey,
            ["Zalo:AppSecretKey"] = AppSecretKey,
            ["Zalo:AccessToken"] = AccessToken,
            ["Zalo:RefreshToken"] = RefreshToken,
            ["Zalo:ApiBaseAddress"] = Api.Url + "/",
            ["Zalo:OAuthBaseAddress"] = Api.Url + "/",
            ["Zalo:SendRetryDelay"] = "00:00:00.010",
        }, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            testServices?.Invoke(services);
        });
        Client = Factory.CreateClient();
    }

    /// <summary>Shortly after the recorded payloads were sent, inside the reply window.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1767240060000));
    public WireMockServer Api { get; }
    public VssBotFactory Factory { get; }
    public HttpClient Client { get; }

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Zalo", "Payloads", name));

    public Task<HttpResponseMessage> PostAsync(string body, string? signature = "sign")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, ZaloChannel.WebhookPath) { Content = content };
        if (signature is not null)
        {
            var timestamp = (string)JsonNode.Parse(body)!["timestamp"]!;
            request.Headers.Add("X-ZEvent-Signature", signature == "sign" ? ZaloSignature.Sign(bytes, AppId, timestamp, OaSecretKey) : signature);
        }
        return Client.SendAsync(request);
    }

    public async Task DeliverAsync(string body)
    {
        (await PostAsync(body)).EnsureSuccessStatusCode();
        await IdleAsync();
    }

    public Task IdleAsync() => Factory.Services.GetRequiredService<UserTurnQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    public List<WireMock.Logging.ILogEntry> Calls(string path) => Api.LogEntries.Where(e => e.RequestMessage!.Path == path).OrderBy(e => e.RequestMessage!.DateTime).ToList();

    public List<JsonObject> Sent() => Calls(SendPath).Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!.AsObject()).ToList();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Api.Stop();
        Api.Dispose();
    }
}
