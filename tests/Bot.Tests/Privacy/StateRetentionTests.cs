using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Privacy;

public sealed class StateRetentionTests : IDisposable
{
    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2025-09-01T00:00:00Z"));
    private readonly SqliteStorage storage;
    private readonly RetentionSweep retention;

    public StateRetentionTests()
    {
        storage = new SqliteStorage(path, TestKeys.Protector(), time);
        retention = new RetentionSweep([new StateRetentionTarget(storage)], Options.Create(new RetentionOptions { Days = 90, Interval = TimeSpan.FromHours(6) }),
            time, NullLogger<RetentionSweep>.Instance);
    }

    public void Dispose()
    {
        retention.Dispose();
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task A_sweep_deletes_what_was_last_updated_more_than_the_configured_days_ago()
    {
        await WriteAsync("emulator/conversations/finished", "emulator/users/finished");
        time.Advance(TimeSpan.FromDays(89));
        await WriteAsync("emulator/users/active");
        Assert.Equal(0, (await retention.SweepAsync(default))["state"]);

        time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(2, (await retention.SweepAsync(default))["state"]);
        Assert.Equal(["emulator/users/active"], (await storage.ReadAsync(["emulator/conversations/finished", "emulator/users/finished", "emulator/users/active"])).Keys);
    }

    [Fact]
    public async Task The_background_service_sweeps_at_start_and_then_every_interval()
    {
        await WriteAsync("emulator/conversations/a");
        time.Advance(TimeSpan.FromDays(91));
        await retention.StartAsync(default);
        await Eventually(async () => !(await storage.ReadAsync(["emulator/conversations/a"])).Any());

        await WriteAsync("emulator/conversations/b");
        time.Advance(TimeSpan.FromDays(91)); // the timer ticks: another sweep
        await Eventually(async () => !(await storage.ReadAsync(["emulator/conversations/b"])).Any());
        await retention.StopAsync(default);
    }

    private Task WriteAsync(params string[] keys) =>
        storage.WriteAsync(keys.ToDictionary(k => k, object (_) => new StateStoreContractTests.Note { Text = "0912345678" }));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
            await Task.Delay(25);
        Assert.True(await condition());
    }
}
