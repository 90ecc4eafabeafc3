using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// What <see cref="SqliteStorage"/> keeps in memory between a conversation's turns (<see cref="RecentStates"/>): handed
/// out once, to a read of exactly the keys written together; dropped by anything else that touches those keys.
/// </summary>
public sealed class RecentStatesTests : IDisposable
{
    private const string Conversation = "test/conversations/c1";
    private const string User = "test/users/u1";

    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-09-01T00:00:00Z"));
    private readonly SqliteStorage storage;

    public RecentStatesTests() => storage = NewInstance();

    private SqliteStorage NewInstance(int recentStates = 1000) =>
        new(path, TestKeys.Protector(), time, options: new StorageOptions.SqliteOptions { RecentStates = recentStates, RecentStateLifetime = TimeSpan.FromMinutes(5) });

    public void Dispose()
    {
        storage.Dispose();
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    private static Dictionary<string, object> State(long step) => new() { ["step"] = step };

    private async Task<(IDictionary<string, object> Conversation, IDictionary<string, object> User)> SaveTurnAsync(long step)
    {
        var (conversation, user) = (State(step), State(step * 10));
        await storage.WriteAsync(new Dictionary<string, object> { [Conversation] = conversation, [User] = user });
        return (conversation, user);
    }

    private async Task<IDictionary<string, object>> ReadTurnAsync(SqliteStorage? from = null) =>
        await (from ?? storage).ReadAsync([Conversation, User]);

    [Fact]
    public async Task The_next_turn_gets_the_saved_objects_back_once_then_reads_the_file()
    {
        var (conversation, user) = await SaveTurnAsync(3);

        var next = await ReadTurnAsync();
        Assert.Same(conversation, next[Conversation]);
        Assert.Same(user, next[User]);
        Assert.Equal(0, storage.Recent.Count); // taken: that turn owns them now

        var again = await ReadTurnAsync();
        Assert.NotSame(conversation, again[Conversation]);
        Assert.Equal(3L, ((IDictionary<string, object>)again[Conversation])["step"]);
        Assert.Equal(30L, ((IDictionary<string, object>)again[User])["step"]);
        // The copy carried the ETag of the stored row, so saving it is not refused.
        Assert.Equal(conversation[StateStore.ETagProperty], ((IDictionary<string, object>)again[Conversation])[StateStore.ETagProperty]);
    }

    [Fact]
    public async Task A_read_of_other_keys_drops_the_copy_and_reads_the_file()
    {
        var (_, user) = await SaveTurnAsync(1);

        // The console reading the profile, or the same student in another conversation.
        var profile = await storage.ReadAsync([User]);
        Assert.NotSame(user, profile[User]);
        Assert.Equal(0, storage.Recent.Count);
        Assert.NotSame(user, (await ReadTurnAsync())[User]);
    }

    [Fact]
    public async Task A_delete_or_the_retention_purge_drops_the_copy()
    {
        await SaveTurnAsync(1);
        await storage.DeleteAsync([Conversation]);
        Assert.Equal([User], (await ReadTurnAsync()).Keys);

        await storage.DeleteAsync([User]);
        await SaveTurnAsync(2);
        time.Advance(TimeSpan.FromDays(100));
        Assert.Equal(2, await storage.DeletePersonalStateUpdatedBeforeAsync(time.GetUtcNow().AddDays(-90)));
        Assert.Empty(await ReadTurnAsync());
    }

    [Fact]
    public async Task A_write_that_fails_leaves_no_copy_behind()
    {
        var (conversation, _) = await SaveTurnAsync(1);
        Assert.Equal(1, storage.Recent.Count);

        // A save of these keys that is refused (a stale ETag) must not leave the earlier copy to be handed out.
        var stale = new Dictionary<string, object> { ["step"] = 9L, [StateStore.ETagProperty] = "0123456789abcdef0123456789abcdef" };
        var refused = await Record.ExceptionAsync(() => storage.WriteAsync(new Dictionary<string, object> { [Conversation] = stale }));
        Assert.True(refused is not null && StateStore.IsETagConflict(refused));
        Assert.Equal(0, storage.Recent.Count);
        var read = await ReadTurnAsync();
        Assert.NotSame(conversation, read[Conversation]);
        Assert.Equal(1L, ((IDictionary<string, object>)read[Conversation])["step"]);
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_what_another_writer_saved()
    {
        var (conversation, user) = await SaveTurnAsync(1);
        // Another writer of the file (not the app's way: one process owns a SQLite file) saves newer state.
        using (var other = NewInstance(recentStates: 0))
        {
            var theirs = await ReadTurnAsync(other);
            ((IDictionary<string, object>)theirs[Conversation])["step"] = 7L;
            await other.WriteAsync(new Dictionary<string, object> { [Conversation] = theirs[Conversation], [User] = theirs[User] });
        }

        var stale = await ReadTurnAsync();
        Assert.Same(conversation, stale[Conversation]);
        var refused = await Record.ExceptionAsync(() => storage.WriteAsync(new Dictionary<string, object> { [Conversation] = conversation, [User] = user }));
        Assert.True(refused is not null && StateStore.IsETagConflict(refused));
        // The re-run of the turn reads the stored state.
        Assert.Equal(7L, ((IDictionary<string, object>)(await ReadTurnAsync())[Conversation])["step"]);
    }

    [Fact]
    public async Task A_copy_is_dropped_after_its_lifetime()
    {
        var (conversation, _) = await SaveTurnAsync(1);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.NotSame(conversation, (await ReadTurnAsync())[Conversation]);
    }

    [Fact]
    public async Task At_most_the_configured_number_of_conversations_are_kept_oldest_dropped_first()
    {
        using var small = NewInstance(recentStates: 2);
        var written = new List<IDictionary<string, object>>();
        for (var i = 0; i < 3; i++)
        {
            var state = State(i);
            written.Add(state);
            await small.WriteAsync(new Dictionary<string, object> { [$"test/conversations/k{i}"] = state });
        }

        Assert.Equal(2, small.Recent.Count);
        Assert.NotSame(written[0], (await small.ReadAsync(["test/conversations/k0"]))["test/conversations/k0"]);
        Assert.Same(written[2], (await small.ReadAsync(["test/conversations/k2"]))["test/conversations/k2"]);
    }

    [Fact]
    public async Task Off_every_read_goes_to_the_file()
    {
        using var off = NewInstance(recentStates: 0);
        var state = State(1);
        await off.WriteAsync(new Dictionary<string, object> { [Conversation] = state });
        Assert.NotSame(state, (await off.ReadAsync([Conversation]))[Conversation]);
        Assert.Equal(0, off.Recent.Count);
    }

    [Fact]
    public async Task The_check_for_tests_catches_state_changed_after_its_save()
    {
        using var checking = new SqliteStorage(path, TestKeys.Protector(), time,
            options: new StorageOptions.SqliteOptions { VerifyRecentStates = true });
        var state = State(1);
        await checking.WriteAsync(new Dictionary<string, object> { [Conversation] = state });
        state["step"] = 2L; // a turn changing its state after saving it: the next turn would get what the file does not hold

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => checking.ReadAsync([Conversation]));
        Assert.Contains("differs from its stored row", error.Message);
    }

    [Fact]
    public async Task Many_conversations_at_once_each_get_their_own_state_back()
    {
        var keys = Enumerable.Range(0, 64).Select(i => (Conversation: $"test/conversations/p{i}", User: $"test/users/p{i}")).ToList();
        for (var round = 1L; round <= 3; round++)
        {
            var r = round;
            await Task.WhenAll(keys.Select(async k =>
            {
                var read = await storage.ReadAsync([k.Conversation, k.User]);
                var conversation = read.TryGetValue(k.Conversation, out var c) ? (IDictionary<string, object>)c : new Dictionary<string, object>();
                var user = read.TryGetValue(k.User, out var u) ? (IDictionary<string, object>)u : new Dictionary<string, object>();
                Assert.Equal(r - 1, conversation.TryGetValue("round", out var seen) ? Convert.ToInt64(seen) : 0L);
                conversation["round"] = r;
                user["last"] = k.Conversation;
                await storage.WriteAsync(new Dictionary<string, object> { [k.Conversation] = conversation, [k.User] = user });
            }));
        }

        using var fresh = NewInstance(recentStates: 0);
        foreach (var k in keys)
            Assert.Equal(3L, ((IDictionary<string, object>)(await fresh.ReadAsync([k.Conversation]))[k.Conversation])["round"]);
    }
}
