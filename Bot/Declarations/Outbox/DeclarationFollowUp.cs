using Microsoft.Bot.Builder;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Storage;
using VssBot.Bot.Turns;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// After the registry accepted a declaration: move the student's journey (Submitted, then WaitingForOfficeVisit) and
/// tell the student through the channel they used. Both happen inside a proactive turn of the student's conversation,
/// so the turn pipeline's per-conversation gate orders them after the student's own "Ghi nhận" turn (which saves the
/// profile the journey update reads). A channel that cannot be reached is logged and recorded, never fatal.
/// </summary>
public sealed class DeclarationFollowUp(
    ChannelAdapters channels,
    StoredStudentProfiles profiles,
    BotTexts texts,
    CampaignSettings campaign,
    DeclarationNextSteps nextSteps,
    ILogger<DeclarationFollowUp> logger)
{
    public sealed record Outcome(JourneyUpdate Journey, string? Notification);

    public async Task<Outcome> RunAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var reference = item.Conversation;
        var userId = reference.User?.Id ?? item.StudentKey[(item.StudentKey.IndexOf('/') + 1)..];
        JourneyUpdate? journey = null;
        string? notification = null;

        if (!channels.CanReach(reference))
        {
            journey = await profiles.MarkSubmittedAsync(reference.ChannelId, userId, item.ReceiptNumber, cancellationToken);
            notification = journey.Completed ? "undeliverable: the conversation has no serviceUrl" : null;
            if (notification is not null)
                logger.LogWarning("Declaration {Receipt}: the student cannot be told proactively on {ChannelId} (no serviceUrl)", item.ReceiptNumber, reference.ChannelId);
            return new Outcome(journey, notification);
        }

        try
        {
            var undelivered = await channels.ContinueConversationAsync(reference, async (turnContext, ct) =>
            {
                // Everything is caught here: an exception would reach the turn error handler, which resets the conversation.
                try
                {
                    journey = await profiles.MarkSubmittedAsync(reference.ChannelId, userId, item.ReceiptNumber, ct);
                    if (!journey.Completed) return;
                    await turnContext.SendActivityAsync(MessageFactory.Text(Message(item)), ct);
                    notification = "sent";
                    logger.LogInformation("Declaration {Receipt}: the student was told on {ChannelId}", item.ReceiptNumber, reference.ChannelId);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    notification = "failed: " + ExceptionSummary.Describe(e, withStack: false);
                    logger.LogWarning("Declaration {Receipt}: the student could not be told on {ChannelId}: {Error}",
                        item.ReceiptNumber, reference.ChannelId, ExceptionSummary.Describe(e, withStack: false));
                }
            }, cancellationToken);
            if (undelivered is not null && notification == "sent")
            {
                notification = "failed: " + undelivered;
                logger.LogWarning("Declaration {Receipt}: the student could not be told on {ChannelId}: {Error}", item.ReceiptNumber, reference.ChannelId, undelivered);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            notification ??= "failed: " + ExceptionSummary.Describe(e, withStack: false);
            logger.LogWarning("Declaration {Receipt}: no proactive turn on {ChannelId}: {Error}", item.ReceiptNumber, reference.ChannelId,
                ExceptionSummary.Describe(e, withStack: false));
        }

        // No turn ran (the channel could not even be prepared): the journey still moves.
        journey ??= await profiles.MarkSubmittedAsync(reference.ChannelId, userId, item.ReceiptNumber, cancellationToken);
        return new Outcome(journey, notification);
    }

    private string Message(OutboxItem item)
    {
        var content = item.Content;
        return texts.Format(content.SubmissionMethod == "post" ? "decl.submitted_post" : "decl.submitted_office",
            ("receipt", item.ReceiptNumber),
            ("school", string.IsNullOrWhiteSpace(campaign.SchoolName) ? "" : texts.Format("decl.school", ("school", campaign.SchoolName))),
            ("office", content.ReceivingOffice.Name),
            ("deadline", DateFieldReader.Display(nextSteps.Deadline(content.CreatedAt))));
    }
}
