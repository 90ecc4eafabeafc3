using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VssBot.Bot.Tests.Channels.Zalo;

/// <summary>The real host with the Zalo channel on; the OA API and OAuth endpoints on one WireMock stand-in.</summary>
public sealed class ZaloHost(Action<IServiceCollection>? testServices = null, string? databasePath = null, IDictionary<string, string?>? settings = null) : WebhookHost(
    api => api.Given(Request.Create().WithPath(SendPath).UsingPost()).AtPriority(100)
        .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = 0, message = "Success", data = new { message_id = "zmsg-1", user_id = "2468458835296117922" } })),
    apiUrl => new(settings ?? new Dictionary<string, string?>())
    {
        ["Zalo:AppId"] = AppId,
        ["Zalo:OaSecretKey"] = OaSecretKey,
        ["Zalo:AppSecretKey"] = AppSecretKey,
        ["Zalo:AccessToken"] = AccessToken,
        ["Zalo:RefreshToken"] = RefreshToken,
        ["Zalo:ApiBaseAddress"] = apiUrl + "/",
        ["Zalo:OAuthBaseAddress"] = apiUrl + "/",
        ["Zalo:SendRetryDelay"] = "00:00:00.010",
    },
    testServices, databasePath)
{
    public const string AppId = "4385129967461085193";
    public const string OaSecretKey = "Zq8mV1xK3pLr7TnB5wYc";
    public const string AppSecretKey = "fH2kP9sQ4vX7bN1mC6zR";
    public const string AccessToken = "oa-access-token-1";
    public const string RefreshToken = "oa-refresh-token-1";
    public const string SendPath = "/v3.0/oa/message/cs";
    public const string OAuthPath = "/v4/oa/access_token";

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Zalo", "Payloads", name));

    /// <summary>POSTs <paramref name="body"/> signed as Zalo does (app id + body + timestamp + OA secret) unless told otherwise.</summary>
    public override Task<HttpResponseMessage> PostAsync(string body, string? signature = "sign") =>
        PostRawAsync(ZaloChannel.WebhookPath, body, "X-ZEvent-Signature", signature is null ? null : bytes => signature == "sign"
            ? ZaloSignature.Sign(bytes, AppId, (string)JsonNode.Parse(body)!["timestamp"]!, OaSecretKey)
            : signature);

    public List<JsonObject> Sent() => Calls(SendPath).Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!.AsObject()).ToList();
}
