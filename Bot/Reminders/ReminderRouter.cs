using VssBot.Bot.Reminders.Ledger;

namespace VssBot.Bot.Reminders;

/// <summary>The result of routing one reminder: the route that delivered it, or every route's reason when none did.</summary>
public sealed record RoutingResult(string? DeliveredBy, IReadOnlyList<string> Attempts)
{
    public bool Delivered => DeliveredBy is not null;
}

/// <summary>
/// "A reminder is a promise kept or reported": tries the routes in order (chat inside its window, a platform template
/// where configured, email where the student agreed) and stops at the first that delivers. Every outcome goes to the
/// <see cref="IReminderLedger"/>: delivered (by which route), or undeliverable (with each route's reason) — the school
/// dashboard lists those as "cần gọi điện". Nothing is marked delivered that no route confirmed.
/// </summary>
public sealed class ReminderRouter(IEnumerable<IReminderRoute> routes, IReminderLedger ledger, TimeProvider clock, ILogger<ReminderRouter> logger)
{
    private readonly IReadOnlyList<IReminderRoute> routes = routes.ToList();

    public async Task<RoutingResult> DeliverAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        var attempts = new List<string>();
        foreach (var route in routes)
        {
            RouteOutcome outcome;
            try
            {
                outcome = await route.TryDeliverAsync(notice, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = RouteOutcome.Failed(Turns.ExceptionSummary.Describe(e, withStack: false));
            }
            attempts.Add($"{route.Name}: {outcome.Reason}");
            if (!outcome.Delivered)
                continue;
            await ledger.RecordDeliveredAsync(notice.StudentKey, notice.Id, route.Name, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Reminder {ReminderId} on {ChannelId} delivered by {Route}", notice.Id, notice.ChannelId, route.Name);
            return new RoutingResult(route.Name, attempts);
        }
        await ledger.RecordUndeliverableAsync(notice.StudentKey, notice.Id, string.Join("; ", attempts), clock.GetUtcNow(), cancellationToken);
        logger.LogWarning("Reminder {ReminderId} on {ChannelId} could not be delivered by any route: {Attempts}", notice.Id, notice.ChannelId, string.Join("; ", attempts));
        return new RoutingResult(null, attempts);
    }
}
