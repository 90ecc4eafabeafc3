using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Dialogs;

// PLACEHOLDER until the dialogs land: the host wires this type; its constructor is the contract.
/// <summary>The bot every channel talks to: one turn in, the student's dialogs and journey move on.</summary>
public sealed class StudentBot(ConversationState conversationState, UserState userState) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
            await turnContext.SendActivityAsync("Xin chào! Mình là trợ lý VssID.", cancellationToken: cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
