using VssBot.Bot.Privacy;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>Retention of the outbox: declarations delivered and followed up (or refused) before the cutoff. The registry keeps its copy.</summary>
public sealed class OutboxRetention(IDeclarationOutbox outbox) : IRetentionTarget
{
    public string Name => "outbox";

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        outbox.DeleteFinishedBeforeAsync(cutoff, cancellationToken);
}
