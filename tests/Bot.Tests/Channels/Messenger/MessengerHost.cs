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
public sealed class MessengerHost(Action<IServiceCollection>? testServices = null, int sendRetries = 3, string? databasePath = null,
    IDictionary<string, string?>? settings = null) : WebhookHost(
    api => api.Given(Request.Create().WithPath(SendPath).UsingPost()).AtPriority(100)
        .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { recipient_id = "7301148291034561", message_id = "m_sent" })),
    apiUrl => new(settings ?? new Dictionary<string, string?>())
    {
        ["Messenger:AppSecret"] = AppSecret,
        ["Messenger:VerifyToken"] = VerifyToken,
        ["Messenger:PageAccessToken"] = PageAccessToken,
        ["Messenger:GraphBaseAddress"] = apiUrl + "/",
        ["Messenger:GraphApiVersion"] = "v26.0",
        ["Messenger:SendRetries"] = sendRetries.ToString(),
        ["Messenger:SendRetryDelay"] = "00:00:00.010",
    },
    testServices, databasePath)
{
    public const string AppSecret = "3f1c9e8a7b6d5c4e3f2a1b0c9d8e7f6a";
    public const string VerifyToken = "vssbot-verify-7d41";
    public const string PageAccessToken = "EAAGm0PX4ZCpsBAKlaTokenForTests";
    public const string PageId = "106482119046782";
    public const string SendPath = "/v26.0/me/messages";

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Messenger", "Payloads", name));

    /// <summary>POSTs <paramref name="body"/> as Meta does (signature over the exact bytes) unless told otherwise.</summary>
    public override Task<HttpResponseMessage> PostAsync(string body, string? signature = "sign") =>
        PostRawAsync(MessengerChannel.WebhookPath, body, "X-Hub-Signature-256",
            signature is null ? null : bytes => signature == "sign" ? MessengerSignature.Sign(bytes, AppSecret) : signature);

    /// <summary>The bodies the Send API stand-in received, in order.</summary>
    public List<JsonObject> Sent() => Calls(SendPath).Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!.AsObject()).ToList();

    /// <summary>The texts of the messages sent to <paramref name="userId"/>, in order.</summary>
    public List<string> SentTexts(string? userId = null) => Sent()
        .Where(b => userId is null || (string?)b["recipient"]!["id"] == userId)
        .Select(b => (string?)b["message"]?["text"])
        .OfType<string>()
        .ToList();

    /// <summary>A webhook POST body with one text message of <paramref name="user"/>.</summary>
    public static string Message(string user, string mid, string text, long timestamp) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = timestamp + 100,
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = user },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = timestamp,
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
            }),
        }),
    }.ToJsonString();

    /// <summary>A POST of <paramref name="body"/> signed as Meta signs it.</summary>
    public static HttpRequestMessage SignedPost(string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, MessengerChannel.WebhookPath) { Content = content };
        request.Headers.Add("X-Hub-Signature-256", MessengerSignature.Sign(bytes, AppSecret));
        return request;
    }
}
