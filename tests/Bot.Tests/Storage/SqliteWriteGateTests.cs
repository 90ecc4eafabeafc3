using Microsoft.Bot.Schema;
using VssBot.Bot.Agents;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.School;
using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Reminders.Ledger;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// Every writer of one of the app's SQLite files takes the file's write gate (<see cref="SqliteWriters"/>), as the
/// turns' state writes do. A writer that went to SQLite's lock instead slept in its busy handler (1–100 ms naps) while a
/// turn held the file: the webhook acknowledgement's reply-window and inbox writes did (issue 12). Each test holds the
/// gate, starts a write, sees that it waits, then lets the gate go and sees the write land.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan WhileHeld = TimeSpan.FromMilliseconds(300);
    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly SqliteWriters writers = new();

    public void Dispose()
    {
        writers.Dispose();
        foreach (var file in writers.Files)
        {
            SqlitePools.Release(file);
            foreach (var part in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(part);
        }
    }

    [Fact]
    public async Task Reply_window_writes_in_the_bots_file_wait_for_its_gate()
    {
        var store = new SqliteReplyWindowStore(new SqliteChannelsDatabase(path, writers));
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        await store.RecordAsync("facebook", "warm-up", at, default); // creates the file and its tables

        await WaitsForTheGateAsync(path, () => store.RecordAsync("facebook", "user-1", at, default));
        Assert.Equal(at, await store.LastWroteAsync("facebook", "user-1", default));
        await WaitsForTheGateAsync(path, () => store.ForgetAsync("facebook", "user-1", default));
        Assert.Null(await store.LastWroteAsync("facebook", "user-1", default));
    }

    [Fact]
    public async Task Reminder_ledger_writes_in_the_bots_file_wait_for_its_gate()
    {
        var ledger = new SqliteReminderLedger(new SqliteChannelsDatabase(path, writers));
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        await ledger.RecordDeliveredAsync("test/u0", "warm-up", "chat", at, default);

        await WaitsForTheGateAsync(path, () => ledger.RecordUndeliverableAsync("test/u1", "deadline-3", "no route", at, default));
        Assert.Equal("test/u1", Assert.Single(await ledger.UndeliverableAsync(default)).StudentKey);
        await WaitsForTheGateAsync(path, () => ledger.RecordDeliveredAsync("test/u1", "deadline-3", "chat", at, default));
        Assert.Equal("chat", await ledger.DeliveredByAsync("test/u1", "deadline-3", default));
    }

    [Fact]
    public async Task Webhook_inbox_writes_wait_for_the_inbox_files_gate()
    {
        var file = SqliteWebhookInboxFile.Beside(path, writers);
        var inbox = new SqliteWebhookInbox(file, TestKeys.Protector());
        var now = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        await inbox.AddAsync(Event("warm-up", "user-0", now), default);

        await WaitsForTheGateAsync(file.Path, () => inbox.AddAsync(Event("m-1", "user-1", now), default));
        var claimed = await WaitsForTheGateAsync(file.Path, () => inbox.ClaimAsync(["facebook"], now, now.AddMinutes(1), 10, default));
        Assert.Equal(["warm-up", "m-1"], claimed.Select(e => e.EventId)); // one user's events are claimed one at a time: two users
        Assert.True(await WaitsForTheGateAsync(file.Path, () => inbox.CompleteAsync(claimed[1], now, default)));
        Assert.Equal(1, await inbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task Direct_Line_conversation_writes_wait_for_their_files_gate()
    {
        var store = new SqliteConversationStore(path, TestKeys.Protector(), TimeProvider.System, writers);
        await store.PrepareAsync(default);

        Assert.True(await WaitsForTheGateAsync(path, () => store.CreateAsync("conv-1", "user-1", default)));
        var activity = new Activity(ActivityTypes.Message, text: "chào bạn", conversation: new ConversationAccount(id: "conv-1"),
            from: new ChannelAccount("user-1"));
        Assert.Equal(1, await WaitsForTheGateAsync(path, () => store.AppendAsync(activity, default)));
        Assert.Equal("chào bạn", Assert.Single((await store.ReadAfterAsync("conv-1", null, default)).Activities).Text);
    }

    [Fact]
    public async Task Agent_console_writes_in_the_bots_file_wait_for_its_gate()
    {
        var database = new AgentsDatabase(path, writers);
        var settings = new SqliteSettingsStore(database);
        await settings.SetAsync("warm-up", "1", default);

        await WaitsForTheGateAsync(path, () => settings.SetAsync("school.name", "Đại học Bách khoa", default));
        Assert.Equal("Đại học Bách khoa", await settings.GetAsync("school.name", default));
        var signIns = new SqliteSignInStore(database);
        await WaitsForTheGateAsync(path, () => signIns.SignOutAsync("hotline1", default));
        Assert.Equal(1, await signIns.GenerationAsync("hotline1", default));
        var now = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        await WaitsForTheGateAsync(path, () => signIns.RecordFailureAsync("hotline1", 1, _ => TimeSpan.FromMinutes(5), now, default));
        Assert.Equal(now.AddMinutes(5), await signIns.LockedUntilAsync("hotline1", default));
        await WaitsForTheGateAsync(path, () => signIns.ClearFailuresAsync("hotline1", default));
        Assert.Null(await signIns.LockedUntilAsync("hotline1", default));
        var audit = new SqliteAuditStore(database);
        await WaitsForTheGateAsync(path, () => audit.AppendAsync(now, "hotline1", ["test/u1"], "take-over", default));
        Assert.Equal("take-over", Assert.Single(await audit.NewestAsync(10, "test/u1", default)).Action);
        var roster = new SqliteRosterStore(database);
        Assert.Equal((1, 0), await WaitsForTheGateAsync(path, () => roster.UpsertAsync([new RosterStudent("SV001", "Lê Thị Hoa", "K68A", "CNTT", "Cô Lan")], default)));
        var directory = new SqliteStudentDirectoryStore(database, TestKeys.Protector());
        Assert.False(await WaitsForTheGateAsync(path, () => directory.TryClaimAsync("test/nobody", "hotline1", now, default))); // no such student: nothing held
        var transcript = new SqliteTranscriptStore(database, TestKeys.Protector());
        await transcript.AppendAsync([new TranscriptEntry("test/u1", [(Sender.Student, "xin chào")], now)], 50, default);
        Assert.Equal(1, await WaitsForTheGateAsync(path, () => transcript.DeleteBeforeAsync(now.AddMinutes(1), default)));
        Assert.Empty(await transcript.NewestAsync("test/u1", 10, default));
    }

    private static InboxEvent Event(string id, string user, DateTimeOffset at) => new("facebook", id, user, at, """{"type":"message","text":"xin chào"}""");

    private Task WaitsForTheGateAsync(string file, Func<Task> write) => WaitsForTheGateAsync(file, async () =>
    {
        await write();
        return true;
    });

    /// <summary>Starts <paramref name="write"/> while the test holds <paramref name="file"/>'s gate: it must not finish until the gate is let go.</summary>
    private async Task<T> WaitsForTheGateAsync<T>(string file, Func<Task<T>> write)
    {
        var gate = writers.For(file).Gate;
        await gate.WaitAsync();
        Task<T> pending;
        try
        {
            pending = Task.Run(write);
            await Task.Delay(WhileHeld);
            Assert.False(pending.IsCompleted, "the write went past the file's write gate");
        }
        finally
        {
            gate.Release();
        }
        return await pending.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
