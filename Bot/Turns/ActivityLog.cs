using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Logs each incoming activity and the replies by id and type only: message text holds
/// personal data (names, ID numbers, phones) and is never logged.
/// </summary>
public sealed class ActivityLog(ILogger<ActivityLog> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        logger.LogInformation("Turn {ActivityId}: {ActivityType} on {ChannelId}", activity.Id, activity.Type, activity.ChannelId);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            logger.LogDebug("Turn {ActivityId}: sending {Count} activities ({ActivityTypes})",
                activity.Id, activities.Count, string.Join(",", activities.Select(a => a.Type)));
            return await nextSend();
        });
        await next(cancellationToken);
    }
}
