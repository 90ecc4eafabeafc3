using VssBot.Bot.Storage.Notifications;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// "Ghi nhận": writes the declaration to the outbox (durable before the student is told) and returns its receipt at once;
/// <see cref="DeclarationOutboxWorker"/> delivers it (the workers of every instance are woken at once). The same key twice
/// returns the same receipt and writes nothing new.
/// </summary>
public sealed class OutboxDeclarationRecorder(IDeclarationOutbox outbox, IChangeNotifications notifications, TimeProvider clock,
    VssBot.Bot.Telemetry.VssBotMetrics metrics, ILogger<OutboxDeclarationRecorder> logger)
    : IDeclarationRecorder
{
    public async Task<RecordedDeclaration> RecordAsync(ConfirmedDeclaration declaration, CancellationToken cancellationToken)
    {
        var (receipt, created) = await outbox.AddAsync(declaration.IdempotencyKey, declaration.StudentKey.ToString(), declaration.Conversation,
            declaration.ConfirmedAt, number => DeclarationContentMapper.Map(declaration, number), clock.GetUtcNow(), cancellationToken);
        if (created)
        {
            metrics.Declaration("recorded");
            logger.LogInformation("Declaration {Receipt} recorded in the outbox (channel {ChannelId})", receipt, declaration.ChannelId);
            await notifications.PublishAsync(ChangeTopics.Outbox, "", cancellationToken);
        }
        else
            logger.LogInformation("Declaration {Receipt} was already recorded: the same receipt is returned", receipt);
        return new RecordedDeclaration(receipt);
    }
}
