using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Terminal;

/// <summary>
/// An in-process adapter that prints the bot's replies to a text writer: message text, then any
/// suggested actions as a numbered list (remembered so that typing the number sends the action).
/// One instance per chat session; not for concurrent use.
/// </summary>
public sealed class TerminalAdapter(TextWriter output) : ChannelAdapter
{
    public const string ChannelId = "terminal";

    private IReadOnlyList<CardAction> offered = [];

    /// <summary>The suggested actions printed last, in the order they were numbered.</summary>
    public IReadOnlyList<CardAction> OfferedActions => offered;

    /// <summary>Runs one turn of <paramref name="bot"/> for <paramref name="activity"/> through the middleware pipeline.</summary>
    public override Task ProcessActivityAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        offered = [];
        return base.ProcessActivityAsync(activity, bot, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            activity.Id ??= Guid.NewGuid().ToString("N");
            responses[i] = new ResourceResponse(activity.Id);

            if (activity.Type == ActivityTypes.Delay && activity.Value is int milliseconds)
                await Task.Delay(milliseconds, cancellationToken);
            if (activity.Type != ActivityTypes.Message)
                continue;

            if (!string.IsNullOrWhiteSpace(activity.Text))
                await output.WriteLineAsync($"Bot: {activity.Text}".AsMemory(), cancellationToken);
            if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
            {
                offered = actions.ToList();
                // A list the text already gives (the offices, numbered) is not printed twice.
                if (!MessageText.ListsChoices(activity.Text, offered))
                    for (var n = 0; n < actions.Count; n++)
                        await output.WriteLineAsync($"  {MessageText.NumberedTitle(actions[n], n)}".AsMemory(), cancellationToken);
            }
        }
        await output.FlushAsync(cancellationToken);
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The terminal cannot change a printed line.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The terminal cannot delete a printed line.");
}
