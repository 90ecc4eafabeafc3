using VssBot.Bot.Privacy;

namespace VssBot.Bot.Reminders.Ledger;

/// <summary>Retention of the reminder ledger: who was reminded (or could not be) and how, last touched before the cutoff.</summary>
public sealed class ReminderLedgerRetention(IReminderLedger ledger) : IRetentionTarget
{
    public string Name => "reminders";

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ledger.DeleteOlderThanAsync(cutoff, cancellationToken);
}
