using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Storage;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Channels.Webhooks;

/// <summary>
/// What every durable webhook inbox does, run on SQLite and PostgreSQL; "restart" or "another replica" = a new instance on
/// the same data.
/// </summary>
public abstract class WebhookInboxContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Both = ["facebook", "zalo"];

    protected abstract IWebhookInbox NewInstance();

    /// <summary>The body column of every row, as stored.</summary>
    protected abstract Task<IReadOnlyList<string?>> RawBodiesAsync();

    private static InboxEvent Event(string user, string id, string channel = "facebook") =>
        new(channel, id, user, Now, $$"""{"type":"message","id":"{{id}}","text":"Số CCCD 036303012345 của {{user}}"}""");

    [Fact]
    public async Task An_event_is_accepted_once_even_after_a_restart_and_its_id_forgotten_only_once_processed_and_pruned()
    {
        var inbox = NewInstance();
        Assert.True(await inbox.AddAsync(Event("u1", "m1"), default));
        Assert.False(await inbox.AddAsync(Event("u1", "m1"), default));
        Assert.True(await inbox.AddAsync(Event("u1", "m1", "zalo"), default)); // ids are per channel

        var restarted = NewInstance();
        Assert.False(await restarted.AddAsync(Event("u1", "m1"), default));
        Assert.Equal(2, await restarted.CountPendingAsync(default));

        await restarted.PruneAsync(Now.AddDays(1), default); // nothing processed: nothing pruned
        Assert.Equal(2, await restarted.CountPendingAsync(default));

        var claimed = await restarted.ClaimAsync(["facebook"], Now, Now.AddSeconds(30), 10, default);
        var e = Assert.Single(claimed);
        Assert.Equal(("facebook", "m1", "u1", 1), (e.ChannelId, e.EventId, e.UserId, e.Attempts));
        Assert.Equal(Event("u1", "m1").Activity, e.Activity);
        Assert.True(await restarted.CompleteAsync(e, Now.AddMinutes(1), default));
        Assert.Equal(1, await restarted.CountPendingAsync(default));
        Assert.False(await restarted.AddAsync(Event("u1", "m1"), default)); // a redelivery after processing is still refused

        await restarted.PruneAsync(Now.AddMinutes(2), default);
        Assert.True(await restarted.AddAsync(Event("u1", "m1"), default));
    }

    [Fact]
    public async Task Each_user_gets_one_event_at_a_time_in_the_order_received_and_only_of_the_channels_asked()
    {
        var inbox = NewInstance();
        foreach (var (user, id) in new[] { ("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3") })
            await inbox.AddAsync(Event(user, id), default);
        await inbox.AddAsync(Event("a", "z1", "zalo"), default); // the same user id on another channel is another queue

        var first = await inbox.ClaimAsync(["facebook"], Now, Now.AddSeconds(30), 10, default);
        Assert.Equal(["a1", "b1"], first.Select(e => e.EventId));
        var other = NewInstance(); // another replica
        Assert.Empty(await other.ClaimAsync(["facebook"], Now, Now.AddSeconds(30), 10, default));
        Assert.Equal(["z1"], (await other.ClaimAsync(Both, Now, Now.AddSeconds(30), 10, default)).Select(e => e.EventId));

        await inbox.CompleteAsync(first[0], Now, default);
        var second = await other.ClaimAsync(Both, Now, Now.AddSeconds(30), 10, default);
        Assert.Equal(["a2"], second.Select(e => e.EventId));
        await other.CompleteAsync(second[0], Now, default);
        Assert.Equal(["a3"], (await inbox.ClaimAsync(Both, Now, Now.AddSeconds(30), 1, default)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_dead_claimers_event_is_taken_over_when_its_lease_runs_out_and_a_released_one_at_once()
    {
        var inbox = NewInstance();
        await inbox.AddAsync(Event("a", "a1"), default);
        await inbox.AddAsync(Event("b", "b1"), default);
        var claimed = await inbox.ClaimAsync(Both, Now, Now.AddSeconds(30), 10, default); // then the instance dies
        Assert.Equal(2, claimed.Count);

        var survivor = NewInstance();
        Assert.Empty(await survivor.ClaimAsync(Both, Now.AddSeconds(10), Now.AddSeconds(40), 10, default));
        Assert.True(await inbox.RenewAsync(claimed.Single(e => e.EventId == "b1"), Now.AddSeconds(60), default)); // b1's turn is still running
        var taken = Assert.Single(await survivor.ClaimAsync(Both, Now.AddSeconds(31), Now.AddSeconds(61), 10, default));
        Assert.Equal(("a1", 2), (taken.EventId, taken.Attempts));

        Assert.True(await survivor.ReleaseAsync(taken, default)); // stopping: given back unprocessed
        Assert.Equal(["a1"], (await inbox.ClaimAsync(Both, Now.AddSeconds(32), Now.AddSeconds(62), 10, default)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_stored_body_is_encrypted_and_erased_once_processed()
    {
        var inbox = NewInstance();
        await inbox.AddAsync(Event("a", "a1"), default);
        await inbox.AddAsync(Event("b", "b1"), default);
        var stored = await RawBodiesAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, body => Assert.DoesNotContain("036303012345", body));
        Assert.All(stored, body => Assert.DoesNotContain("message", body));

        var claimed = await inbox.ClaimAsync(Both, Now, Now.AddSeconds(30), 10, default);
        await inbox.CompleteAsync(claimed.Single(e => e.EventId == "a1"), Now, default);
        Assert.Single(await RawBodiesAsync(), body => body is null);
    }

    [Fact]
    public async Task A_claim_whose_lease_was_taken_over_can_no_longer_renew_release_or_complete_the_event()
    {
        var inbox = NewInstance();
        await inbox.AddAsync(Event("a", "a1"), default);
        await inbox.AddAsync(Event("a", "a2"), default);
        var stale = Assert.Single(await inbox.ClaimAsync(Both, Now, Now.AddSeconds(30), 10, default)); // then this worker pauses past its lease
        var other = NewInstance();
        var current = Assert.Single(await other.ClaimAsync(Both, Now.AddSeconds(31), Now.AddSeconds(61), 10, default));
        Assert.Equal(("a1", 1, 2), (current.EventId, stale.Attempts, current.Attempts));

        Assert.False(await inbox.RenewAsync(stale, Now.AddSeconds(90), default));
        Assert.False(await inbox.ReleaseAsync(stale, default));
        Assert.False(await inbox.CompleteAsync(stale, Now.AddSeconds(40), default));
        // None of them touched the current claim: still leased, not processed; the user's next event still waits.
        Assert.Empty(await NewInstance().ClaimAsync(Both, Now.AddSeconds(45), Now.AddSeconds(75), 10, default));
        Assert.Equal(2, await other.CountPendingAsync(default));

        Assert.True(await other.RenewAsync(current, Now.AddSeconds(91), default));
        Assert.True(await other.CompleteAsync(current, Now.AddSeconds(50), default));
        Assert.False(await other.CompleteAsync(current, Now.AddSeconds(51), default)); // once
        Assert.Equal(["a2"], (await inbox.ClaimAsync(Both, Now.AddSeconds(52), Now.AddSeconds(82), 10, default)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Four_claimers_at_once_run_every_event_exactly_once_and_never_two_of_one_user_together()
    {
        const int users = 12, perUser = 5;
        var setup = NewInstance();
        for (var i = 0; i < perUser; i++)
            for (var u = 0; u < users; u++)
                await setup.AddAsync(Event($"u{u}", $"u{u}-{i}"), default);

        var runs = new ConcurrentDictionary<string, int>();
        var order = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var busy = new ConcurrentDictionary<string, bool>();
        var overlaps = 0;
        var claimers = Enumerable.Range(0, 4).Select(_ => NewInstance()).Select(inbox => Task.Run(async () =>
        {
            while (await inbox.CountPendingAsync(default) > 0)
            {
                foreach (var e in await inbox.ClaimAsync(Both, Now, Now.AddMinutes(5), 3, default))
                {
                    if (!busy.TryAdd(e.UserId, true))
                        Interlocked.Increment(ref overlaps);
                    runs.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
                    order.GetOrAdd(e.UserId, _ => new()).Enqueue(int.Parse(e.EventId.Split('-')[1]));
                    await Task.Yield();
                    busy.TryRemove(e.UserId, out _);
                    Assert.True(await inbox.CompleteAsync(e, Now, default));
                }
            }
        })).ToArray();
        await Task.WhenAll(claimers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, overlaps);
        Assert.Equal(users * perUser, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        Assert.All(order.Values, seen => Assert.Equal(Enumerable.Range(0, perUser), seen));
    }
}

public sealed class SqliteWebhookInboxTests : WebhookInboxContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override IWebhookInbox NewInstance() => new SqliteWebhookInbox(SqliteWebhookInboxFile.Beside(path), TestKeys.Protector());

    [Fact]
    public async Task Events_an_earlier_version_left_in_the_bots_file_are_moved_to_the_inbox_file_in_order()
    {
        // Before issue 12 the inbox was a table of the bot's own file: its pending events must still run, once, in order,
        // and a redelivery of an event processed there must still be refused.
        await VssBot.Bot.Storage.Migrations.SchemaMigrations.MigrateSqliteAsync(path, VssBot.Bot.Storage.Migrations.SchemaMigrations.Sqlite,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        InboxEvent Old(string id) => new("facebook", id, "u1", at, $$"""{"type":"message","id":"{{id}}","text":"{{id}}"}""");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            foreach (var (e, processed) in new[] { (Old("done"), true), (Old("first"), false), (Old("second"), false) })
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO webhook_inbox (channel_id, event_id, user_id, received_at, body, attempts, leased_until, processed_at)
                    VALUES ($channel, $event, $user, '2026-12-01T09:00:00.0000000Z', $body, $attempts, $lease, $processed)
                    """;
                insert.Parameters.AddWithValue("$channel", e.ChannelId);
                insert.Parameters.AddWithValue("$event", e.EventId);
                insert.Parameters.AddWithValue("$user", e.UserId);
                insert.Parameters.AddWithValue("$body", processed ? DBNull.Value : InboxBody.Protect(TestKeys.Protector(), e));
                insert.Parameters.AddWithValue("$attempts", processed ? 1 : 0);
                insert.Parameters.AddWithValue("$lease", processed ? DBNull.Value : "2026-12-01T09:00:30.0000000Z");
                insert.Parameters.AddWithValue("$processed", processed ? "2026-12-01T09:00:01.0000000Z" : DBNull.Value);
                await insert.ExecuteNonQueryAsync();
            }
        }

        var inbox = NewInstance();
        Assert.False(await inbox.AddAsync(Old("done"), default)); // processed before the upgrade: still a redelivery

        var claimed = await inbox.ClaimAsync(["facebook"], at.AddMinutes(1), at.AddMinutes(2), 10, default);
        Assert.Equal(["first"], claimed.Select(e => e.EventId)); // one at a time per student, oldest first
        Assert.Contains("\"text\":\"first\"", claimed[0].Activity);
        Assert.True(await inbox.CompleteAsync(claimed[0], at.AddMinutes(1), default));
        Assert.Equal(["second"], (await inbox.ClaimAsync(["facebook"], at.AddMinutes(1), at.AddMinutes(2), 10, default)).Select(e => e.EventId));
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM webhook_inbox";
            Assert.Equal(0L, await count.ExecuteScalarAsync()); // moved, not copied: a later start moves nothing twice
        }
    }

    protected override async Task<IReadOnlyList<string?>> RawBodiesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={SqliteWebhookInboxFile.Beside(path).Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM webhook_inbox ORDER BY seq";
        var bodies = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            bodies.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return bodies;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresWebhookInboxTests(PostgresServer server) : WebhookInboxContractTests, IAsyncLifetime
{
    private string connectionString = "";
    private readonly List<PostgresDatabase> databases = [];

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
            await database.DisposeAsync();
    }

    protected override IWebhookInbox NewInstance()
    {
        var database = new PostgresDatabase(connectionString);
        databases.Add(database);
        return new PostgresWebhookInbox(database, TestKeys.Protector());
    }

    protected override async Task<IReadOnlyList<string?>> RawBodiesAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM webhook_inbox ORDER BY seq", connection);
        var bodies = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            bodies.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return bodies;
    }
}

public sealed class MemoryWebhookInboxTests
{
    [Fact]
    public async Task The_memory_inbox_refuses_a_repeat_and_gives_one_event_per_user_in_order()
    {
        var inbox = new MemoryWebhookInbox();
        var at = DateTimeOffset.UnixEpoch;
        Assert.True(await inbox.AddAsync(new("zalo", "a1", "a", at, "{}"), default));
        Assert.False(await inbox.AddAsync(new("zalo", "a1", "a", at, "{}"), default));
        Assert.True(await inbox.AddAsync(new("zalo", "a2", "a", at, "{}"), default));
        var first = Assert.Single(await inbox.ClaimAsync(["zalo"], at, at.AddSeconds(30), 10, default));
        Assert.Equal("a1", first.EventId);
        Assert.Empty(await inbox.ClaimAsync(["zalo"], at, at.AddSeconds(30), 10, default));
        var stale = first with { Attempts = 0 };
        Assert.False(await inbox.CompleteAsync(stale, at, default)); // not the latest claim
        Assert.True(await inbox.CompleteAsync(first, at, default));
        Assert.Equal(["a2"], (await inbox.ClaimAsync(["zalo"], at, at.AddSeconds(30), 10, default)).Select(e => e.EventId));
    }
}
