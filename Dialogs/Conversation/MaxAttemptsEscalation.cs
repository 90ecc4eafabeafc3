using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation;

/// <summary>After too many failed attempts: record the escalation for the hotline and offer help and a person.</summary>
public sealed class MaxAttemptsEscalation(BotTexts texts, CampaignSettings campaign) : IPromptEscalation
{
    public int MaxAttempts => campaign.MaxAttempts;

    public async Task OnMaxAttemptsReachedAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        var session = StudentSession.From(dc.Context);
        session.Profile.Escalations.Add(new Escalation(EscalationReason.MaxAttemptsReached, options.QuestionKey, session.Now));
        var offer = MessageFactory.Text(texts["conv.escalation_offer"]);
        offer.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                new CardAction(ActionTypes.ImBack, texts["conv.escalation_help"], value: texts["conv.escalation_help"]),
                new CardAction(ActionTypes.ImBack, texts["conv.escalation_human"], value: texts["conv.escalation_human"]),
            ],
        };
        await dc.Context.SendActivityAsync(offer, cancellationToken);
    }
}
