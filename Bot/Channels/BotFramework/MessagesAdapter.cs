using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.BotFramework;

/// <summary>
/// Bot Framework's <see cref="CloudAdapter"/>, taking the activity <see cref="MessagesRequestGuard"/> has already read and
/// checked: <see cref="CloudAdapter.ProcessAsync"/> would parse the request body a second time (issue 12).
/// </summary>
public sealed class MessagesAdapter(BotFrameworkAuthentication authentication, ILogger<CloudAdapter> logger) : CloudAdapter(authentication, logger)
{
    /// <summary>
    /// What <see cref="CloudAdapter.ProcessAsync"/> does for a POST once the activity is read: authenticate and run the
    /// turn, then write the invoke response or the expected replies; a refused token is a 401.
    /// </summary>
    public async Task ProcessAsync(HttpContext http, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            var invokeResponse = await ProcessActivityAsync(http.Request.Headers.Authorization.ToString(), activity, bot.OnTurnAsync, cancellationToken);
            await HttpHelper.WriteResponseAsync(http.Response, invokeResponse);
        }
        catch (UnauthorizedAccessException)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
