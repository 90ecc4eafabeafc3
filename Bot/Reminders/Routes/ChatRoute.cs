using Microsoft.Bot.Builder;
using VssBot.Bot.Channels.Proactive;

namespace VssBot.Bot.Reminders.Routes;

/// <summary>
/// The student's own chat, as a proactive turn of their conversation (<see cref="IStudentMessenger"/>): delivered only when
/// the channel took the message — Messenger and Zalo refuse outside their reply windows, and that is reported, not assumed.
/// </summary>
public sealed class ChatRoute(IStudentMessenger messenger) : IReminderRoute
{
    public string Name => "chat";

    public async Task<RouteOutcome> TryDeliverAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        if (!messenger.CanReach(notice.Conversation))
            return RouteOutcome.Skipped("no proactive route on this channel");
        var result = await messenger.ContinueAsync(notice.Conversation,
            (context, ct) => context.SendActivityAsync(MessageFactory.Text(notice.ChatText), ct), cancellationToken);
        return result.IsDelivered && result.Sent > 0 ? RouteOutcome.Sent(result.ToString()) : RouteOutcome.Failed(result.ToString());
    }
}
