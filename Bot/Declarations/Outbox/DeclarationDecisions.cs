using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// The office's decision recorded at the registry (received, approved with the account sent, rejected with a reason)
/// moves the student's journey and is told to the student on their own channel, in a proactive turn of their conversation.
/// Only the student's current declaration counts: a decision about an older one changes nothing.
/// </summary>
public sealed class DeclarationDecisions(IDeclarationOutbox outbox, ChannelAdapters channels, UserState userState, StudentBot bot,
    BotTexts texts, TimeProvider clock, ILogger<DeclarationDecisions> logger)
{
    /// <summary>Returns what happened, for the registry's logs ("told", "not told: …", "no conversation").</summary>
    public async Task<string> ApplyAsync(Declaration declaration, CancellationToken cancellationToken)
    {
        if (await outbox.GetByReceiptAsync(declaration.ReceiptNumber, cancellationToken) is not { } item || !channels.CanReach(item.Conversation))
            return "no conversation";
        var told = false;
        var undelivered = await channels.ContinueConversationAsync(item.Conversation, async (turnContext, ct) =>
        {
            var profile = await bot.Profiles.GetAsync(turnContext, () => new StudentProfile(), ct);
            if (profile.Journey.ReceiptNumber != declaration.ReceiptNumber) return;
            var journey = new StudentJourney(profile.Journey, clock);
            string? text = declaration.Status switch
            {
                DeclarationStatus.ReceivedAtOffice => Received(profile),
                DeclarationStatus.Approved when journey.TryFire(JourneyTrigger.AccountReceived) => texts.Format("decl.approved", ("receipt", declaration.ReceiptNumber)),
                DeclarationStatus.Rejected when journey.TryFire(JourneyTrigger.DeclarationRejected) => texts.Format("decl.rejected",
                    ("receipt", declaration.ReceiptNumber), ("reason", declaration.StatusReason ?? "")),
                _ => null,
            };
            if (text is null) return;
            var message = MessageFactory.Text(text);
            if (declaration.Status == DeclarationStatus.Rejected)
                message.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, texts["conv.redeclare"], value: texts["conv.redeclare"])] };
            await turnContext.SendActivityAsync(message, ct);
            await userState.SaveChangesAsync(turnContext, false, ct);
            told = true;
        }, cancellationToken);
        var outcome = !told ? "unchanged" : undelivered is null ? "told" : "not told: " + undelivered;
        logger.LogInformation("Declaration {Receipt} {Status}: {Outcome}", declaration.ReceiptNumber, declaration.Status, outcome);
        return outcome;

        string? Received(StudentProfile profile)
        {
            if (profile.Journey.State is not (JourneyState.Submitted or JourneyState.WaitingForOfficeVisit)) return null;
            profile.Journey.OfficeVisitReportedAt ??= clock.GetUtcNow();
            return texts.Format("decl.received", ("receipt", declaration.ReceiptNumber));
        }
    }
}
