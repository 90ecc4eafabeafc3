using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Channels.Webhooks;

/// <summary>What every reply-window store does, run on each implementation; "restart" = a new instance on the same data.</summary>
public abstract class ChannelStoresContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract IReplyWindowStore NewInstance();

    [Fact]
    public async Task A_reply_window_survives_a_restart_keeps_the_latest_time_and_closes_when_told()
    {
        var windows = NewInstance();
        await windows.RecordAsync("facebook", "u1", Now, default);
        await windows.RecordAsync("facebook", "u1", Now.AddHours(-5), default); // a late redelivery does not move it back
        await windows.RecordAsync("facebook", "u2", Now.AddDays(-3), default);

        var restarted = NewInstance();
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
        Assert.Null(await NewInstance().LastWroteAsync("facebook", "u1", default));
    }

    [Fact]
    public async Task Retention_forgets_users_who_last_wrote_before_the_cutoff_and_keeps_the_others()
    {
        var windows = NewInstance();
        await windows.RecordAsync("zalo", "old", Now.AddDays(-100), default);
        await windows.RecordAsync("facebook", "old", Now.AddDays(-91), default);
        await windows.RecordAsync("zalo", "recent", Now.AddDays(-2), default);

        Assert.Equal(2, await new ReplyWindowRetention(windows).DeleteOlderThanAsync(Now.AddDays(-90), default));

        var restarted = NewInstance();
        Assert.Null(await restarted.LastWroteAsync("zalo", "old", default));
        Assert.Null(await restarted.LastWroteAsync("facebook", "old", default));
        Assert.Equal(Now.AddDays(-2), await restarted.LastWroteAsync("zalo", "recent", default));
    }
}

public sealed class SqliteChannelStoresTests : ChannelStoresContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override IReplyWindowStore NewInstance() => new SqliteReplyWindowStore(new SqliteChannelsDatabase(path));
}

public sealed class MemoryChannelStoresTests
{
    [Fact]
    public async Task The_memory_store_keeps_the_latest_time()
    {
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

    protected override IReplyWindowStore NewInstance() => new PostgresReplyWindowStore(databases.Open());
}
