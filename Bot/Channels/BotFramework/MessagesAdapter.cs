using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.BotFramework;

/// <summary>
/// Bot Framework's <see cref="CloudAdapter"/>, taking the activity <see cref="MessagesRequestGuard"/> has already read and
/// checked: <see cref="CloudAdapter.ProcessAsync"/> would parse the request body a second time (issue 12).
/// </summary>
public sealed class MessagesAdapter(BotFrameworkAuthentication authentication, ILogger<CloudAdapter> logger) : CloudAdapter(authentication, logger)
{
    // Bot Framework's own settings for replies (null fields left out, ISO dates, its contract resolver), written without
    // the indentation HttpHelper.WriteResponseAsync adds: the same JSON values in fewer bytes (issue 12).
    private static readonly JsonSerializer ReplySerializer = CompactReplySerializer();

    /// <summary>
    /// What <see cref="CloudAdapter.ProcessAsync"/> does for a POST once the activity is read: authenticate and run the
    /// turn, then write the invoke response or the expected replies; a refused token is a 401.
    /// </summary>
    public async Task ProcessAsync(HttpContext http, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(http.Request.Headers.Authorization.ToString(), activity, bot.OnTurnAsync, cancellationToken);
            await WriteResponseAsync(http.Response, invokeResponse, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// As <see cref="HttpHelper.WriteResponseAsync"/>: 200 without a response, else its status and its body as JSON,
    /// serialised once into a pooled buffer and sent with its length (no intermediate string).
    /// </summary>
    internal static async Task WriteResponseAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse?.Body is not { } body)
            return;
        using var json = new PooledBufferStream(4 * 1024);
        using (var writer = json.JsonWriter())
            ReplySerializer.Serialize(writer, body);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json.WrittenMemory, cancellationToken);
    }

    private static JsonSerializer CompactReplySerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }
}
