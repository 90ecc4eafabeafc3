using Microsoft.Data.Sqlite;
using VssBot.Bot.Agents;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.School;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// Every writer of one of the app's SQLite files writes on the file's one connection (<see cref="SqliteWriters"/>):
/// a commit on another connection throws away a WAL connection's page cache, so the turns' state writes and the
/// console's batches, on connections of their own, read their pages again from the file on every write (issue 12).
/// </summary>
public sealed class SqliteWritersTests : IDisposable
{
    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly SqliteWriters writers = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public void Dispose()
    {
        writers.Dispose();
        SqlitePools.Release(path);
        foreach (var part in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(part);
    }

    [Fact]
    public async Task State_transcript_and_directory_writes_share_the_files_one_connection()
    {
        using var state = new SqliteStorage(path, TestKeys.Protector(), writers: writers);
        var database = new AgentsDatabase(path, writers);
        var transcript = new SqliteTranscriptStore(database, TestKeys.Protector());
        var settings = new SqliteSettingsStore(database);

        await state.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = new Dictionary<string, object> { ["step"] = 1 } });
        var connection = writers.For(path).Connection;
        Assert.NotNull(connection);
        await transcript.AppendAsync([new TranscriptEntry("test/u1", [(Sender.Student, "xin chào"), (Sender.Bot, "Chào bạn!")], Now)], 50, default);
        await settings.SetAsync("school.name", "Đại học Bách khoa", default);
        var turn = (IDictionary<string, object>)(await state.ReadAsync(["test/conversations/c1"]))["test/conversations/c1"]; // as a turn does
        turn["step"] = 2;
        await state.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1"] = turn });
        await transcript.AppendAsync([new TranscriptEntry("test/u1", [(Sender.Student, "tiếp")], Now.AddMinutes(1))], 50, default);

        Assert.Same(connection, writers.For(path).Connection);
        // What each wrote is there, read on connections of their own.
        Assert.Equal(["xin chào", "Chào bạn!", "tiếp"], (await transcript.NewestAsync("test/u1", 10, default)).OrderBy(l => l.Id).Select(l => l.Text));
        Assert.Equal("Đại học Bách khoa", await settings.GetAsync("school.name", default));
        using var reread = new SqliteStorage(path, TestKeys.Protector());
        var item = (IDictionary<string, object>)(await reread.ReadAsync(["test/conversations/c1"]))["test/conversations/c1"];
        Assert.Equal(2L, Convert.ToInt64(item["step"]));
    }

    [Fact]
    public async Task A_write_not_committed_is_rolled_back_and_the_next_write_runs_on_the_same_connection()
    {
        var database = new AgentsDatabase(path, writers);
        var settings = new SqliteSettingsStore(database);
        await settings.SetAsync("warm-up", "1", default);
        var connection = writers.For(path).Connection;

        await using (var write = await database.BeginWriteAsync(default))
            await write.ExecuteAsync("INSERT INTO settings (name, value) VALUES ('left', 'uncommitted')", default);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var write = await database.BeginWriteAsync(default);
            await write.ExecuteAsync("INSERT INTO settings (name, value) VALUES ('failed', 'midway')", default);
            throw new InvalidOperationException("a fault in the middle of a write");
        });
        await settings.SetAsync("after", "2", default);

        Assert.Null(await settings.GetAsync("left", default));
        Assert.Null(await settings.GetAsync("failed", default));
        Assert.Equal("2", await settings.GetAsync("after", default));
        Assert.Same(connection, writers.For(path).Connection);
    }

    [Fact]
    public async Task A_write_that_fails_in_SQLite_leaves_the_writer_usable()
    {
        var database = new AgentsDatabase(path, writers);
        var settings = new SqliteSettingsStore(database);
        await settings.SetAsync("warm-up", "1", default);

        await Assert.ThrowsAsync<SqliteException>(() => database.WriteAsync("INSERT INTO no_such_table (x) VALUES (1)", default));
        await settings.SetAsync("after", "2", default);

        Assert.Equal("2", await settings.GetAsync("after", default));
    }

    [Fact]
    public async Task A_write_that_comes_after_the_writers_are_closed_still_lands()
    {
        var database = new AgentsDatabase(path, writers);
        var settings = new SqliteSettingsStore(database);
        await settings.SetAsync("warm-up", "1", default);

        writers.Dispose(); // the host stops: a background service may still finish a write
        Assert.Null(writers.For(path).Connection);
        await settings.SetAsync("released", "on stop", default);

        Assert.Equal("on stop", await settings.GetAsync("released", default));
    }
}
