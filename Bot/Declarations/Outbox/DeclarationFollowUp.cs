using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Dialogs.FollowUp;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// A declaration's events after "Ghi nhận" reach the student: the registry accepted it (from the outbox worker) or the
/// office decided (from the registry API). Each runs <see cref="StudentFollowUp"/> over the student's profile in a
/// proactive turn of their conversation (<see cref="IStudentMessenger"/>), so the per-conversation gate orders it after
/// the student's own "Ghi nhận" turn and the profile is loaded and saved as in any turn. Never throws for a channel.
/// </summary>
public sealed class DeclarationFollowUp(IStudentMessenger messenger, StudentFollowUp followUp, IDeclarationOutbox outbox, ILogger<DeclarationFollowUp> logger)
{
    /// <param name="Completed">false: the profile does not show the declaration yet; try again later.</param>
    /// <param name="Journey">What happened to the journey ("submitted, WaitingForOfficeVisit", "waiting: …").</param>
    /// <param name="Notification">What became of the message (<see cref="ProactiveResult"/>), null when there was none.</param>
    public sealed record Outcome(bool Completed, string Journey, string? Notification);

    public async Task<Outcome> AcceptedAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var result = await messenger.ContinueWithProfileAsync(item.Conversation, profile => followUp.Accepted(profile, item.ReceiptNumber), cancellationToken);
        if (result.Step is not { } step)
            return new Outcome(false, "waiting: no turn (" + result.Delivery + ")", null);
        var notification = step.Messages.Count == 0 ? null : result.Delivery.IsDelivered ? "sent" : result.Delivery.ToString();
        if (notification is not null && notification != "sent")
            logger.LogWarning("Declaration {Receipt}: the student could not be told on {ChannelId}: {Result}", item.ReceiptNumber, item.Conversation.ChannelId, result.Delivery);
        return new Outcome(!step.Waiting, step.Outcome, notification);
    }

    /// <summary>Returns what happened, for the registry's logs ("told", "not told: …", "unchanged", "no conversation").</summary>
    public async Task<string> DecidedAsync(Declaration declaration, CancellationToken cancellationToken)
    {
        OfficeDecision? decision = declaration.Status switch
        {
            DeclarationStatus.ReceivedAtOffice => OfficeDecision.ReceivedAtOffice,
            DeclarationStatus.Approved => OfficeDecision.Approved,
            DeclarationStatus.Rejected => OfficeDecision.Rejected,
            _ => null,
        };
        if (decision is null || await outbox.GetByReceiptAsync(declaration.ReceiptNumber, cancellationToken) is not { } item)
            return "no conversation";
        var result = await messenger.ContinueWithProfileAsync(item.Conversation,
            profile => followUp.Decided(profile, declaration.ReceiptNumber, decision.Value, declaration.StatusReason), cancellationToken);
        var outcome = result.Step is not { Changed: true } ? "unchanged" : result.Delivery.IsDelivered ? "told" : "not told: " + result.Delivery;
        logger.LogInformation("Declaration {Receipt} {Status}: {Outcome}", declaration.ReceiptNumber, declaration.Status, outcome);
        return outcome;
    }
}
