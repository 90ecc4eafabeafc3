using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Runs the bot for Direct Line conversations: the bot's replies are appended to the conversation's
/// <see cref="ConversationLog"/>, from where the WebSocket streams and the polling endpoint deliver them.
/// </summary>
public sealed class DirectLineAdapter(ConversationLog log, TimeProvider clock) : ChannelAdapter
{
    public const string ChannelId = "directline";
    public const string ServiceUrl = "directline://vssbot";
    public static readonly ChannelAccount BotAccount = new("vssbot", "Trợ lý VssID", RoleTypes.Bot);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        var incoming = turnContext.Activity;
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypes.Trace or ActivityTypes.Delay)
            {
                responses[i] = new ResourceResponse(Guid.NewGuid().ToString("N"));
                continue;
            }
            activity.ChannelId = ChannelId;
            activity.ServiceUrl = ServiceUrl;
            activity.Conversation = new ConversationAccount(id: incoming.Conversation.Id);
            activity.From = BotAccount;
            activity.Recipient = incoming.From;
            activity.ReplyToId ??= incoming.Type == ActivityTypes.Message ? incoming.Id : null;
            activity.Timestamp = clock.GetUtcNow();
            await log.AppendAsync(activity, cancellationToken);
            responses[i] = new ResourceResponse(activity.Id);
        }
        return responses;
    }
}
