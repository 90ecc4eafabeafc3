using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Storage.Notifications;

namespace VssBot.Bot.Tests.Channels.Webhooks;

/// <summary>The inbox worker's side of the fencing: a turn whose claim was taken over stops and leaves the event to its new claim.</summary>
public sealed class WebhookInboxWorkerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>A turn that waits for the test before its "send", which it makes only while its token is not cancelled (as HttpClient does).</summary>
    private sealed class GatedRunner : IWebhookTurnRunner
    {
        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Proceed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Sent { get; } = [];

        public string ChannelId => "facebook";

        public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
        {
            Started.TrySetResult(cancellationToken);
            await Proceed.Task;
            if (!cancellationToken.IsCancellationRequested)
                Sent.Add(activity.Id);
        }
    }

    [Fact]
    public async Task A_turn_whose_lease_another_worker_took_over_is_cancelled_at_the_next_renewal_sends_nothing_and_does_not_complete_the_event()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var inbox = new MemoryWebhookInbox();
        await inbox.AddAsync(new InboxEvent("facebook", "m1", "u1", clock.GetUtcNow(), """{"type":"message","id":"m1","text":"Xin chào"}"""), default);
        var runner = new GatedRunner();
        var worker = new WebhookInboxWorker(inbox, [runner], new WebhookInboxSignal(), new LocalChangeNotifications(),
            Options.Create(new WebhookInboxOptions { Lease = Lease, PollInterval = TimeSpan.FromHours(1) }), clock, NullLogger<WebhookInboxWorker>.Instance);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await worker.StartAsync(default);
        var turn = await runner.Started.Task.WaitAsync(guard.Token);
        // This worker's turn is stuck (a long pause); its lease runs out and another worker claims the event.
        var takeover = Assert.Single(await inbox.ClaimAsync(["facebook"], clock.GetUtcNow() + Lease + TimeSpan.FromSeconds(1),
            clock.GetUtcNow() + 2 * Lease, 10, default));
        Assert.False(turn.IsCancellationRequested);

        clock.Advance(Lease / 3); // the stuck worker's next renewal is refused
        await Task.Delay(Timeout.Infinite, turn).WaitAsync(guard.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(turn.IsCancellationRequested);
        runner.Proceed.SetResult();
        await worker.StopAsync(default);

        Assert.Empty(runner.Sent);
        Assert.Equal(1, await inbox.CountPendingAsync(default)); // not completed by the stale claim
        Assert.True(await inbox.CompleteAsync(takeover, clock.GetUtcNow(), default));
    }
}
