using System.Net;
using Microsoft.Extensions.Options;
using VssBot.Bot.Declarations.Client;
using VssBot.Bot.Storage.Notifications;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// Sends recorded declarations to the registry until accepted: 5xx, timeouts, refused connections and an open circuit
/// are retried with growing delays (across restarts: the schedule is in the outbox); a 400 marks the declaration
/// "rejected-invalid" so it does not loop forever. Once accepted: the journey moves and the student is told.
/// Starts sending once the host listens (by default the registry is this very process). Any number of instances run
/// this worker on one store: each claims the rows it handles (<see cref="IDeclarationOutbox"/>). A recorded declaration
/// wakes the workers at once, and a worker keeps taking batches while full ones come back.
/// </summary>
public sealed class DeclarationOutboxWorker(
    IDeclarationOutbox outbox,
    IChangeNotifications notifications,
    IServiceScopeFactory scopes,
    DeclarationFollowUp followUp,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    VssBot.Bot.Telemetry.VssBotMetrics metrics,
    ILogger<DeclarationOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wakeUps = notifications.Subscribe(ChangeTopics.Outbox, _ => signal.Notify());
        if (!await StartedAsync(stoppingToken))
            return;
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: take the next one without waiting.
                while (await RunOnceAsync(stoppingToken) >= settings.BatchSize && !stoppingToken.IsCancellationRequested) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError("Declaration outbox round failed: {Error}", ExceptionSummary.Describe(e));
            }
            try
            {
                await signal.WaitAsync(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One round: claim and send what is due, then claim and follow up on what was accepted before and is still to do
    /// (a follow-up waiting for the student's profile is tried again next round, not in a loop). Returns how many were due.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now + settings.ClaimLease, settings.BatchSize, cancellationToken);
        await HandleAsync(due, SendAsync, cancellationToken);
        now = clock.GetUtcNow();
        var followUps = await outbox.ClaimFollowUpsAsync(now, now + settings.ClaimLease, settings.BatchSize, cancellationToken);
        await HandleAsync(followUps, FollowUpAsync, cancellationToken);
        if (await outbox.PendingCountAsync(cancellationToken) is { } depth)
            metrics.OutboxDepth(depth);
        return due.Count;
    }

    /// <summary>Handles claimed rows one by one; stopping mid-batch gives the rest back at once (a killed process's come back after the lease).</summary>
    private async Task HandleAsync(IReadOnlyList<OutboxItem> claimed, Func<OutboxItem, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var done = 0;
        try
        {
            for (; done < claimed.Count; done++)
                await handle(claimed[done], cancellationToken);
        }
        finally
        {
            if (done < claimed.Count && cancellationToken.IsCancellationRequested)
                await outbox.ReleaseAsync([.. claimed.Skip(done).Select(i => i.IdempotencyKey)], CancellationToken.None);
        }
    }

    private async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        // The span names the attempt and its outcome, never the declaration (the registry call below is its child).
        using var span = VssBot.Bot.Telemetry.VssBotTracing.Source.StartActivity("declaration.deliver", System.Diagnostics.ActivityKind.Internal);
        span?.SetTag(VssBot.Bot.Telemetry.VssBotTracing.Attempt, item.Attempts + 1);
        string failure;
        try
        {
            using var scope = scopes.CreateScope();
            var api = scope.ServiceProvider.GetRequiredService<IDeclarationApi>();
            using var response = await api.SubmitAsync(item.IdempotencyKey, item.Content, cancellationToken);
            if (response.IsSuccessStatusCode && response.Content is { } declaration)
            {
                await outbox.MarkSentAsync(item.IdempotencyKey, declaration.Id, clock.GetUtcNow(), cancellationToken);
                metrics.Declaration("delivered");
                span?.SetTag(VssBot.Bot.Telemetry.VssBotTracing.Outcome, "delivered");
                logger.LogInformation("Declaration {Receipt} accepted by the registry ({Status}) after {Attempts} attempt(s)",
                    item.ReceiptNumber, (int?)response.StatusCode, item.Attempts + 1);
                await FollowUpAsync(item with { Status = OutboxStatus.Sent }, cancellationToken);
                return;
            }
            var invalidFields = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                ? InvalidFields((response.Error as Refit.ApiException)?.Content) : null;
            // Refused as invalid only on the registry's word: problem details naming the fields. A 4xx whose body
            // could not be read (a cut connection, a proxy's page) is retried a few times first, so a valid
            // declaration is never dropped because one answer was garbled.
            if (invalidFields is not null && (invalidFields.Names is not null || item.Attempts + 1 >= UnreadableRefusalAttempts))
            {
                // The problem details name the invalid fields, not their values.
                var error = $"HTTP {(int)response.StatusCode!}: invalid {invalidFields.Names ?? invalidFields.Reason}";
                await outbox.MarkRejectedAsync(item.IdempotencyKey, error, cancellationToken);
                metrics.Declaration("invalid");
                span?.SetTag(VssBot.Bot.Telemetry.VssBotTracing.Outcome, "invalid").SetStatus(System.Diagnostics.ActivityStatusCode.Error, "invalid");
                logger.LogError("Declaration {Receipt} refused by the registry as invalid: it will not be retried", item.ReceiptNumber);
                return;
            }
            failure = response.StatusCode is { } status ? $"HTTP {(int)status}{(invalidFields is null ? "" : $" {invalidFields.Reason}")}"
                : response.Error is { } apiError ? ExceptionSummary.Describe(apiError, withStack: false) : "no response";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Connection refused, timeouts (Polly), an open circuit, a body that is not a declaration…
            failure = ExceptionSummary.Describe(e, withStack: false);
        }

        var delay = Backoff(item.Attempts + 1);
        await outbox.MarkRetryAsync(item.IdempotencyKey, clock.GetUtcNow() + delay, failure, cancellationToken);
        metrics.Declaration("failed");
        span?.SetTag(VssBot.Bot.Telemetry.VssBotTracing.Outcome, "retry").SetStatus(System.Diagnostics.ActivityStatusCode.Error, "retry");
        logger.LogWarning("Declaration {Receipt} not delivered (attempt {Attempt}: {Failure}); next try in {Delay}",
            item.ReceiptNumber, item.Attempts + 1, failure, delay);
    }

    private async Task FollowUpAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var outcome = await followUp.AcceptedAsync(item, cancellationToken);
        var gaveUp = !outcome.Completed && clock.GetUtcNow() - item.RecordedAt > options.Value.JourneyWait;
        if (gaveUp)
            logger.LogWarning("Declaration {Receipt}: the student's profile never showed it; the journey is left as it is", item.ReceiptNumber);
        await outbox.RecordFollowUpAsync(item.IdempotencyKey, gaveUp ? "skipped: " + outcome.Journey : outcome.Journey,
            outcome.Notification, outcome.Completed || gaveUp, cancellationToken);
    }

    /// <summary>RetryDelay × 2^(attempt−1), at most MaxRetryDelay, with ±20 % jitter so that many items do not retry in step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>How many attempts a 4xx without readable problem details gets before the declaration is marked invalid.</summary>
    private const int UnreadableRefusalAttempts = 3;

    /// <summary>The invalid field names of a refusal (<see cref="Names"/>), or why there are none (<see cref="Reason"/>).</summary>
    private sealed record Refusal(string? Names, string Reason);

    /// <summary>The field names from the problem details' "errors" (never the messages: a remote registry might quote values).</summary>
    private static Refusal InvalidFields(string? problem)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(problem ?? "");
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Object
                && errors.EnumerateObject().Any()
                ? new(string.Join(",", errors.EnumerateObject().Select(e => e.Name)), "")
                : new(null, "(no field list)");
        }
        catch (System.Text.Json.JsonException)
        {
            return new(null, "(no problem details)");
        }
    }
}
