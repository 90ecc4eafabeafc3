using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Declarations.Outbox;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>The outbox worker's wake-up: declarations recorded while it works leave one signal, never an error.</summary>
public sealed class OutboxSignalTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z"));

    [Fact]
    public async Task Many_notifications_before_a_wait_wake_it_once()
    {
        var signal = new OutboxSignal();
        for (var i = 0; i < 5; i++)
            signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None));

        var second = signal.WaitAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None);
        Assert.False(second.IsCompleted); // nothing pending: it waits for the next declaration or the timeout
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(await second);
    }

    [Fact]
    public async Task A_notification_wakes_a_worker_already_waiting()
    {
        var signal = new OutboxSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None);

        signal.Notify();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Notifications_from_many_threads_at_once_leave_exactly_one_signal()
    {
        var signal = new OutboxSignal();
        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => signal.Notify());

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None));
        var next = signal.WaitAsync(TimeSpan.FromSeconds(30), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(await next);
    }
}
