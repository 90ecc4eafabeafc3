using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Reminders.Ledger;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Reminders;

/// <summary>What every reminder ledger does, run on each implementation; "restart" = a new instance on the same data.</summary>
public abstract class ReminderLedgerContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract IReminderLedger NewInstance();

    [Fact]
    public async Task An_undeliverable_reminder_is_listed_once_with_its_attempts_until_a_route_delivers_it_even_across_a_restart()
    {
        var ledger = NewInstance();
        await ledger.RecordUndeliverableAsync("zalo/u1", "countdown/R1/day7", "chat: outside window; email: no address", Now, default);
        await ledger.RecordUndeliverableAsync("facebook/u2", "countdown/R2/day7", "chat: outside window", Now.AddMinutes(5), default);
        await ledger.RecordUndeliverableAsync("zalo/u1", "countdown/R1/day7", "chat: outside window; email: SMTP 550", Now.AddHours(1), default);

        var restarted = NewInstance();
        var calls = await restarted.UndeliverableAsync(default);
        Assert.Equal(["zalo/u1", "facebook/u2"], calls.Select(c => c.StudentKey)); // oldest first
        var first = calls[0];
        Assert.Equal("countdown/R1/day7", first.ReminderId);
        Assert.Equal(2, first.Attempts);
        Assert.Equal(Now, first.FirstAt);
        Assert.Equal(Now.AddHours(1), first.LastAt);
        Assert.Equal("chat: outside window; email: SMTP 550", first.Reasons);
        Assert.Null(await restarted.DeliveredByAsync("zalo/u1", "countdown/R1/day7", default));

        await restarted.RecordDeliveredAsync("zalo/u1", "countdown/R1/day7", "chat", Now.AddHours(2), default);
        Assert.Equal(["facebook/u2"], (await NewInstance().UndeliverableAsync(default)).Select(c => c.StudentKey));
        Assert.Equal("chat", await NewInstance().DeliveredByAsync("zalo/u1", "countdown/R1/day7", default));
    }

    [Fact]
    public async Task A_delivered_reminder_is_never_turned_back_into_an_undeliverable_one()
    {
        var ledger = NewInstance();
        await ledger.RecordDeliveredAsync("zalo/u3", "countdown/R3/day9", "email", Now, default);
        await ledger.RecordUndeliverableAsync("zalo/u3", "countdown/R3/day9", "chat: outside window", Now.AddHours(1), default);

        Assert.Empty(await ledger.UndeliverableAsync(default));
        Assert.Equal("email", await ledger.DeliveredByAsync("zalo/u3", "countdown/R3/day9", default));
        Assert.Null(await ledger.DeliveredByAsync("zalo/u3", "countdown/R3/day7", default));
    }

    [Fact]
    public async Task Retention_forgets_entries_last_touched_before_the_cutoff_delivered_or_not()
    {
        var ledger = NewInstance();
        await ledger.RecordDeliveredAsync("zalo/old1", "countdown/R4/day7", "chat", Now.AddDays(-120), default);
        await ledger.RecordUndeliverableAsync("zalo/old2", "countdown/R5/day7", "chat: outside window", Now.AddDays(-100), default);
        await ledger.RecordUndeliverableAsync("zalo/new", "countdown/R6/day7", "chat: outside window", Now.AddDays(-100), default);
        await ledger.RecordUndeliverableAsync("zalo/new", "countdown/R6/day7", "chat: outside window", Now, default); // touched again

        Assert.Equal(2, await new ReminderLedgerRetention(ledger).DeleteOlderThanAsync(Now.AddDays(-90), default));

        var restarted = NewInstance();
        Assert.Null(await restarted.DeliveredByAsync("zalo/old1", "countdown/R4/day7", default));
        Assert.Equal(["zalo/new"], (await restarted.UndeliverableAsync(default)).Select(c => c.StudentKey));
    }
}

public sealed class MemoryReminderLedgerTests : ReminderLedgerContractTests
{
    private readonly MemoryReminderLedger ledger = new();

    protected override IReminderLedger NewInstance() => ledger; // memory has no restart: the same instance
}

public sealed class SqliteReminderLedgerTests : ReminderLedgerContractTests, IDisposable
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override IReminderLedger NewInstance() => new SqliteReminderLedger(new SqliteChannelsDatabase(path));

    public void Dispose() => Declarations.DeclarationHosts.DeleteDatabase(path);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderLedgerTests(PostgresServer server) : ReminderLedgerContractTests, IAsyncLifetime
{
    private readonly PostgresChannelsDatabases databases = new(server);

    public Task InitializeAsync() => databases.InitializeAsync();

    public Task DisposeAsync() => databases.DisposeAsync();

    protected override IReminderLedger NewInstance() => new PostgresReminderLedger(databases.Open());
}
