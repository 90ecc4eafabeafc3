using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// Runs the turns of the durable webhook inbox on this instance: claims the heads of the users' queues (any replica's
/// events: one user's turns one after the other, different users in parallel, up to <see cref="WebhookInboxOptions.Workers"/>),
/// renews each lease while its turn runs, and marks the event processed (its body erased). Woken by an insert on any
/// replica (<see cref="ChangeTopics.WebhookInbox"/>) and by a poll. When the host stops, no new event is claimed,
/// running turns get the host's shutdown timeout, then are cancelled and their events released for another instance.
/// Renewals, release and completion carry the claim (fencing token): a turn whose lease was lost (a pause longer than the
/// lease, a database cut off) is cancelled before it sends anything more, and cannot complete the event another worker now runs.
/// </summary>
public sealed class WebhookInboxWorker(IWebhookInbox inbox, IEnumerable<IWebhookTurnRunner> runners, WebhookInboxSignal signal,
    IChangeNotifications notifications, IOptions<WebhookInboxOptions> options, TimeProvider clock, ILogger<WebhookInboxWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IWebhookTurnRunner> runnersByChannel = runners.ToDictionary(r => r.ChannelId, StringComparer.Ordinal);
    private readonly CancellationTokenSource turnsStopping = new(); // not disposed: a turn may still read its token while the host goes down
    private readonly Lock sync = new();
    private readonly HashSet<Task> running = [];

    /// <summary>Completes when no event is waiting or running anywhere (tests).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            int turns;
            lock (sync)
                turns = running.Count;
            if (turns == 0 && await inbox.CountPendingAsync(cancellationToken) == 0)
                return;
            await Task.Delay(20, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runnersByChannel.Count == 0)
            return;
        var settings = options.Value;
        string[] channels = [.. runnersByChannel.Keys];
        using var subscription = notifications.Subscribe(ChangeTopics.WebhookInbox, _ => signal.Wake());
        while (!stoppingToken.IsCancellationRequested)
        {
            int free;
            lock (sync)
                free = settings.Workers - running.Count;
            var claimed = 0;
            if (free > 0)
            {
                try
                {
                    var now = clock.GetUtcNow();
                    foreach (var e in await inbox.ClaimAsync(channels, now, now + settings.Lease, free, stoppingToken))
                    {
                        Start(e, settings);
                        claimed++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Webhook events could not be claimed: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
            if (claimed > 0 && claimed < free)
                continue; // more users may be waiting
            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        Task[] left;
        lock (sync)
            left = [.. running];
        await Task.WhenAll(left); // bounded by StopAsync: the host's shutdown timeout, then the turns are cancelled
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            await turnsStopping.CancelAsync();
        }
    }

    private void Start(InboxEvent e, WebhookInboxOptions settings)
    {
        var turn = Task.Run(() => RunAsync(e, settings));
        lock (sync)
            running.Add(turn);
        turn.ContinueWith(t =>
        {
            lock (sync)
                running.Remove(t);
            signal.Wake(); // a slot is free, and this user's next event may now be claimed
        }, TaskScheduler.Default);
    }

    private async Task RunAsync(InboxEvent e, WebhookInboxOptions settings)
    {
        var stopping = turnsStopping.Token;
        // Cancelled when this claim may no longer hold the event: another worker claimed it (a renewal said so), or the
        // lease is about to run out with no renewal getting through. The turn then stops before sending anything more.
        using var leaseLost = new CancellationTokenSource(Usable(settings.Lease), clock);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(stopping, leaseLost.Token);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(turn.Token);
        var renewal = RenewAsync(e, settings.Lease, leaseLost, renewing.Token);
        try
        {
            if (e.Attempts > settings.MaxAttempts)
                logger.LogError("{ChannelId} event {EventId} was claimed {Attempts} times without completing: set aside unanswered",
                    e.ChannelId, e.EventId, e.Attempts);
            else
            {
                await runnersByChannel[e.ChannelId].RunAsync(JsonConvert.DeserializeObject<Activity>(e.Activity, WebhookInbox.Json)!, turn.Token);
                // The turn pipeline reports a cancelled turn as handled: cut off by the stop, it is run again elsewhere.
                turn.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            await renewing.CancelAsync();
            await renewal;
            logger.LogWarning("{ChannelId} event {EventId}: the lease of claim {Attempt} was lost mid-turn; the turn stopped, the event's new claim runs it",
                e.ChannelId, e.EventId, e.Attempts);
            return;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await renewing.CancelAsync();
            await renewal;
            await TryAsync("released", () => inbox.ReleaseAsync(e, CancellationToken.None));
            return;
        }
        catch (Exception ex)
        {
            // The adapters handle turn errors; this is the last line (never the message text).
            logger.LogError("A webhook turn failed outside the turn pipeline: {Error}", Turns.ExceptionSummary.Describe(ex));
        }
        await renewing.CancelAsync();
        await renewal;
        // Not completed (database down): the lease runs out and the event is run again. Refused: another claim holds it.
        await TryAsync("marked processed", async () =>
        {
            if (!await inbox.CompleteAsync(e, clock.GetUtcNow(), CancellationToken.None))
                logger.LogWarning("{ChannelId} event {EventId}: claim {Attempt} was superseded before it completed", e.ChannelId, e.EventId, e.Attempts);
        });
    }

    /// <summary>
    /// Renews the lease every third of it. A renewal refused (the claim is no longer the event's) cuts the turn off at once;
    /// a renewal that fails (database unreachable) leaves the deadline where the last good one put it.
    /// </summary>
    private async Task RenewAsync(InboxEvent e, TimeSpan lease, CancellationTokenSource leaseLost, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                bool kept;
                try
                {
                    kept = await inbox.RenewAsync(e, clock.GetUtcNow() + lease, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("A webhook event's lease could not be renewed: {Error}", Turns.ExceptionSummary.Describe(ex, withStack: false));
                    continue;
                }
                if (!kept)
                {
                    await leaseLost.CancelAsync();
                    return;
                }
                leaseLost.CancelAfter(Usable(lease));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// How long a turn may go on after its claim or last renewal: a sixth of the lease short of it (clock differences between
    /// replicas, a send in flight). A duration, not a time: a test clock moved by days does not cut a turn off.
    /// </summary>
    private static TimeSpan Usable(TimeSpan lease) => lease - lease / 6;

    private async Task TryAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("A webhook event could not be {What}: {Error}", what, Turns.ExceptionSummary.Describe(e, withStack: false));
        }
    }
}
