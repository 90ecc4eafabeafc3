using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Logs each incoming activity and the replies by id and type only: message text holds
/// personal data (names, ID numbers, phones) and is never logged. At Debug level: a line per turn is a cost on every
/// turn (the console logger's formatting and writes), so production logs only what goes wrong
/// (appsettings.Development.json shows these lines).
/// </summary>
public sealed partial class ActivityLog(ILogger<ActivityLog> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(cancellationToken);
            return;
        }
        var activity = turnContext.Activity;
        LogTurn(activity.Id, activity.Type, activity.ChannelId);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            LogSending(activity.Id, activities.Count, string.Join(",", activities.Select(a => a.Type)));
            return await nextSend();
        });
        await next(cancellationToken);
    }

    [LoggerMessage(LogLevel.Debug, "Turn {ActivityId}: {ActivityType} on {ChannelId}")]
    private partial void LogTurn(string? activityId, string? activityType, string? channelId);

    [LoggerMessage(LogLevel.Debug, "Turn {ActivityId}: sending {Count} activities ({ActivityTypes})")]
    private partial void LogSending(string? activityId, int count, string activityTypes);
}
