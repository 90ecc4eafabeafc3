using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using VssBot.Bot.Security;

namespace VssBot.Bot.Channels.BotFramework;

/// <summary>
/// What <c>POST /api/messages</c> checks before Bot Framework's adapter sees a request (issue 10, rows 2, 3, 5, 11):
/// without <c>MicrosoftAppId</c> nothing proves who is calling, so only loopback callers (Emulator, tests, terminal) are
/// served and replies go only to a loopback <c>serviceUrl</c> (or back in the body with expectReplies); a malformed bearer
/// token is a 401; the body is bounded and must be an activity; our own channels' users (Direct Line, Messenger, Zalo)
/// cannot be addressed here, only through their own authenticated endpoints.
/// </summary>
public sealed class MessagesRequestGuard(IOptions<BotFrameworkOptions> options) : IEndpointFilter
{
    /// <summary>The largest activity accepted (Bot Framework's own limit for a message).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The channels with their own authenticated endpoints (whose user ids are a student's identity there).</summary>
    public static readonly IReadOnlySet<string> OwnChannelIds = new HashSet<string>(
        [DirectLine.DirectLineAdapter.ChannelId, Messenger.MessengerMapper.ChannelId, "messenger", Zalo.ZaloMapper.ChannelId], StringComparer.OrdinalIgnoreCase);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticated = options.Value.RequiresAuthentication;
        if (!authenticated && !IsLoopback(http.Connection.RemoteIpAddress))
            return Problem(StatusCodes.Status401Unauthorized, "Only local callers are served without MicrosoftAppId.",
                "Set MicrosoftAppId/MicrosoftAppPassword to receive Bot Framework traffic from other addresses.");
        if (authenticated && !HasReadableBearer(http.Request))
            return Problem(StatusCodes.Status401Unauthorized, "A valid Bot Framework bearer token is required.");

        if (await BoundedBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body)
            return BoundedBody.TooLarge(MaxBodyBytes);
        if (Read(body) is not { } activity)
            return Problem(StatusCodes.Status400BadRequest, "The body is not a Bot Framework activity.",
                "Expected JSON with type, channelId, serviceUrl, conversation.id and from.id.");
        if (!HasPlainIdentifiers(activity))
            return Problem(StatusCodes.Status400BadRequest, "Activity identifiers must be plain text.",
                $"id, type, channelId, conversation.id, from.id and replyToId: at most {MaxIdentifierLength} characters, no control characters.");
        if (OwnChannelIds.Contains(activity.ChannelId))
            return Problem(StatusCodes.Status403Forbidden, $"Channel '{activity.ChannelId}' is served by its own endpoint, not /api/messages.");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return Problem(StatusCodes.Status400BadRequest, "serviceUrl must be an absolute http(s) URL.");
        if (!authenticated && activity.DeliveryMode != DeliveryModes.ExpectReplies && !serviceUrl.IsLoopback)
            return Problem(StatusCodes.Status400BadRequest, "Without MicrosoftAppId replies go only to a loopback serviceUrl.",
                "Use \"deliveryMode\": \"expectReplies\" to get the replies in the response body.");

        // The endpoint runs the turn on this activity: the body is not parsed a second time (issue 12).
        http.Items[ActivityKey] = activity;
        return await next(context);
    }

    private static readonly object ActivityKey = new();

    /// <summary>The activity this filter read and checked for the request.</summary>
    public static Activity ActivityOf(HttpContext http) =>
        http.Items.TryGetValue(ActivityKey, out var activity) && activity is Activity checkedActivity
            ? checkedActivity
            : throw new InvalidOperationException($"{nameof(MessagesRequestGuard)} did not run for this request.");

    /// <summary>Identifiers are logged (by id only, never text) and used in storage keys: no line breaks or other control characters to forge log lines with.</summary>
    public const int MaxIdentifierLength = 1024; // Teams and Slack ids run to a few hundred characters

    private static bool HasPlainIdentifiers(Activity activity) =>
        new[] { activity.Id, activity.Type, activity.ChannelId, activity.Conversation?.Id, activity.From?.Id, activity.ReplyToId }
            .All(id => id is null || id.Length <= MaxIdentifierLength && !id.Any(char.IsControl));

    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>
    /// The header is "Bearer" and a token that parses as a signed JWT (Bot Framework's are RS256 with a key id); the adapter
    /// then checks its signature and claims. An unsigned token never makes the bot fetch signing keys.
    /// </summary>
    private static bool HasReadableBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var token = new JwtSecurityTokenHandler().ReadJwtToken(header["Bearer ".Length..].Trim());
            return token.Header.Alg is "RS256" or "RS384" or "RS512" && !string.IsNullOrEmpty(token.Header.Kid);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            return false;
        }
    }

    private static Activity? Read(byte[] body)
    {
        try
        {
            // The body decoded once into a string (a StreamReader allocated a byte and a char buffer per request), a
            // byte order mark skipped as a StreamReader does, Newtonsoft's buffer from the pool (issue 12).
            var utf8 = body.AsSpan();
            if (utf8.StartsWith("\uFEFF"u8))
                utf8 = utf8[3..];
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(utf8))) { MaxDepth = 64, ArrayPool = Storage.SharedCharPool.Instance };
            var activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
            return activity is { Type.Length: > 0, ChannelId.Length: > 0, Conversation.Id.Length: > 0, From.Id.Length: > 0 } ? activity : null;
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static IResult Problem(int status, string title, string? detail = null) => Results.Problem(statusCode: status, title: title, detail: detail);
}
