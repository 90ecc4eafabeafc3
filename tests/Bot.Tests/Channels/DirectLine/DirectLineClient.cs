using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Tests.Channels.DirectLine;

/// <summary>A conversation as a Direct Line client sees it.</summary>
public sealed record DirectLineConversation(string ConversationId, string Token, string StreamUrl);

/// <summary>Talks to /v3/directline the way botframework-directlinejs does.</summary>
public static class DirectLineClient
{
    /// <summary>A host with its own Direct Line data folder (activity log, uploads, signing key).</summary>
    public static VssBotFactory NewFactory(string? databasePath = null, string? dataFolder = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["DirectLine:DataFolder"] = dataFolder ?? NewDataFolder(),
        };
        return new VssBotFactory(databasePath, all, testServices);
    }

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "vssbot-tests", $"dl-{Guid.NewGuid():N}");

    public static async Task<DirectLineConversation> StartAsync(this HttpClient client, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new DirectLineConversation((string)body["conversationId"]!, (string)body["token"]!, (string)body["streamUrl"]!);
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostMessageAsync(this HttpClient client, string conversationId, string? token, string text, string? clientActivityId = null) =>
        client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Json(new JObject
        {
            ["type"] = "message",
            ["from"] = new JObject { ["id"] = "someone-else", ["role"] = "user" },
            ["text"] = text,
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }));

    public static Task<HttpResponseMessage> GetActivitiesAsync(this HttpClient client, string conversationId, string? token, string? watermark = null) =>
        client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? "" : $"?watermark={watermark}"), token);

    /// <summary>The activity set after <paramref name="watermark"/>; fails the test on an error status.</summary>
    public static async Task<JObject> ActivitiesAsync(this HttpClient client, DirectLineConversation conversation, string? watermark = null)
    {
        var response = await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark);
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    public static IEnumerable<string> Texts(this JObject activitySet, string role = "bot") =>
        activitySet["activities"]!.Where(a => (string?)a["from"]?["role"] == role && (string?)a["type"] == "message").Select(a => (string?)a["text"] ?? "");

    /// <summary>The next activity set pushed on a stream.</summary>
    public static async Task<JObject> ReceiveSetAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JObject.Parse(Encoding.UTF8.GetString(message.ToArray()));
    }

    public static StringContent Json(JObject body) => new(body.ToString(), Encoding.UTF8, "application/json");
}

/// <summary>A clock the test moves forward (token expiry).</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan offset;

    public void Advance(TimeSpan by) => offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
