using Microsoft.Bot.Schema;

namespace VssBot.Bot.Tests.Channels;

/// <summary>A bot reply as the dialogs build it: text with imBack suggested actions.</summary>
public static class ReplyWith
{
    public static Activity Choices(IEnumerable<string> titles, string text) => new(ActivityTypes.Message)
    {
        Text = text,
        SuggestedActions = new SuggestedActions { Actions = titles.Select(t => new CardAction(ActionTypes.ImBack, t, value: t)).ToList() },
    };
}
