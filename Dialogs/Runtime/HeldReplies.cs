using Microsoft.Bot.Builder;

namespace VssBot.Dialogs.Runtime;

/// <summary>
/// Replies a host holds back until the turn's state is saved (the Bot host's state-conflict retry): they are answers,
/// though <see cref="ITurnContext.Responded"/> only turns true once they are really sent at the end of the turn.
/// </summary>
public sealed class HeldReplies
{
    public int Messages { get; set; }

    /// <summary>Whether this turn has answered the student, sent or held.</summary>
    public static bool Answered(ITurnContext turnContext)
        => turnContext.Responded || turnContext.TurnState.Get<HeldReplies>()?.Messages > 0;
}
