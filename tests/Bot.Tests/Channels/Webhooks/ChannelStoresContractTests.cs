using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Channels.Webhooks;

/// <summary>What every reply-window and webhook-id store does, run on each implementation; "restart" = a new instance on the same data.</summary>
public abstract class ChannelStoresContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract (IReplyWindowStore Windows, IWebhookEventIds Ids) NewInstance();

    [Fact]
    public async Task A_webhook_event_is_claimed_once_even_after_a_restart_and_forgotten_once_pruned()
    {
        var (_, ids) = NewInstance();
        Assert.True(await ids.TryClaimAsync("zalo", "msg-1", Now, default));
        Assert.False(await ids.TryClaimAsync("zalo", "msg-1", Now.AddMinutes(5), default));
        Assert.True(await ids.TryClaimAsync("facebook", "msg-1", Now, default)); // ids are per channel

        var (_, restarted) = NewInstance();
        Assert.False(await restarted.TryClaimAsync("zalo", "msg-1", Now.AddHours(1), default));

        await restarted.PruneAsync(Now.AddSeconds(1), default);
        Assert.True(await restarted.TryClaimAsync("zalo", "msg-1", Now.AddDays(3), default));
    }

    [Fact]
    public async Task A_reply_window_survives_a_restart_keeps_the_latest_time_and_closes_when_told()
    {
        var (windows, _) = NewInstance();
        await windows.RecordAsync("facebook", "u1", Now, default);
        await windows.RecordAsync("facebook", "u1", Now.AddHours(-5), default); // a late redelivery does not move it back
        await windows.RecordAsync("facebook", "u2", Now.AddDays(-3), default);

        var (restarted, _) = NewInstance();
        Assert.Equal(Now, await restarted.LastWroteAsync("facebook", "u1", default));
        Assert.Null(await restarted.LastWroteAsync("zalo", "u1", default));
        var open = await restarted.WroteSinceAsync("facebook", Now.AddDays(-1), default);
        Assert.Equal(["u1"], open.Keys);

        var clock = new ManualClock(Now.AddHours(2));
        var window = new ReplyWindow("facebook", TimeSpan.FromHours(24), clock, restarted);
        Assert.Equal(1, await window.LoadAsync(default));
        Assert.True(await window.IsOpenAsync("u1", default));
        await window.CloseAsync("u1", default);
        Assert.False(await window.IsOpenAsync("u1", default));
        Assert.Null(await NewInstance().Windows.LastWroteAsync("facebook", "u1", default));
    }
}

public sealed class SqliteChannelStoresTests : ChannelStoresContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override (IReplyWindowStore, IWebhookEventIds) NewInstance()
    {
        var database = new SqliteChannelsDatabase(path);
        return (new SqliteReplyWindowStore(database), new SqliteWebhookEventIds(database));
    }
}

public sealed class MemoryChannelStoresTests
{
    [Fact]
    public async Task The_memory_stores_claim_once_and_keep_the_latest_time()
    {
        var ids = new MemoryWebhookEventIds();
        Assert.True(await ids.TryClaimAsync("zalo", "a", DateTimeOffset.UnixEpoch, default));
        Assert.False(await ids.TryClaimAsync("zalo", "a", DateTimeOffset.UnixEpoch, default));
        var windows = new MemoryReplyWindowStore();
        await windows.RecordAsync("zalo", "u", DateTimeOffset.UnixEpoch.AddHours(2), default);
        await windows.RecordAsync("zalo", "u", DateTimeOffset.UnixEpoch, default);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddHours(2), await windows.LastWroteAsync("zalo", "u", default));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresChannelStoresTests(PostgresServer server) : ChannelStoresContractTests, IAsyncLifetime
{
    private readonly PostgresChannelsDatabases databases = new(server);

    public Task InitializeAsync() => databases.InitializeAsync();

    public Task DisposeAsync() => databases.DisposeAsync();

    protected override (IReplyWindowStore, IWebhookEventIds) NewInstance()
    {
        var database = databases.Open();
        return (new PostgresReplyWindowStore(database), new PostgresWebhookEventIds(database));
    }
}
