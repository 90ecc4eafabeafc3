using System.Net;
using System.Net.Http.Headers;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Channels.DirectLine;
using VssBot.Bot.Privacy;
using VssBot.Bot.Tests.Channels.DirectLine;

using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Privacy;

/// <summary>
/// Issue 10, row 4: the one retention sweep covers every store of personal data; per store, what was last touched more
/// than Retention:Days ago goes and what is recent stays. The host runs on a clock the test moves (its timers stay real,
/// so only the sweeps the test calls run). Bot state: <see cref="StateRetentionTests"/>; outbox: the store contract tests.
/// </summary>
public sealed class RetentionSweepTests : IDisposable
{
    private readonly MovableClock clock = new();
    private readonly string database = VssBotFactory.NewDatabasePath();
    private readonly string dataFolder = DirectLineClient.NewDataFolder();
    private readonly VssBotFactory factory;

    public RetentionSweepTests()
    {
        factory = DirectLineClient.NewFactory(database, dataFolder, new Dictionary<string, string?> { ["Retention:Days"] = "90" },
            s => s.AddSingleton<TimeProvider>(clock));
    }

    public void Dispose()
    {
        factory.Dispose();
        SqlitePools.Release(database);
        SqlitePools.ReleaseFolder(dataFolder);
        if (Directory.Exists(dataFolder))
            Directory.Delete(dataFolder, recursive: true);
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public void One_hosted_sweep_covers_bot_state_direct_line_outbox_the_console_directory_reply_windows_and_the_reminder_ledger()
    {
        var sweep = factory.Services.GetRequiredService<RetentionSweep>();

        Assert.Same(sweep, factory.Services.GetServices<IHostedService>().OfType<RetentionSweep>().Single());
        Assert.Equal(["directline", "directory", "outbox", "reminders", "reply-windows", "state"], factory.Services.GetServices<IRetentionTarget>().Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Direct_line_conversations_idle_past_the_retention_go_with_their_uploads_and_recent_ones_stay()
    {
        var client = factory.CreateClient();
        var old = await client.StartAsync();
        await UploadAsync(client, old);
        clock.Advance(TimeSpan.FromDays(89));
        var recent = await client.StartAsync();
        await UploadAsync(client, recent);
        clock.Advance(TimeSpan.FromDays(2));

        var deleted = await factory.Services.GetRequiredService<RetentionSweep>().SweepAsync(default);

        // The hosted sweep's timer may fire on the moved clock too and delete first: what is left is what counts.
        Assert.True(deleted.ContainsKey("directline"));
        var log = factory.Services.GetRequiredService<ConversationLog>();
        Assert.False(await log.ExistsAsync(old.ConversationId, default));
        Assert.Empty((await log.ReadAfterAsync(old.ConversationId, null, default)).Activities);
        Assert.False(Directory.Exists(Path.Combine(dataFolder, "uploads", old.ConversationId)));
        Assert.True(await log.ExistsAsync(recent.ConversationId, default));
        Assert.NotEmpty((await log.ReadAfterAsync(recent.ConversationId, null, default)).Activities);
        Assert.Single(Directory.GetFiles(Path.Combine(dataFolder, "uploads", recent.ConversationId)));
    }

    [Fact]
    public async Task Console_directory_entries_and_transcript_lines_past_the_retention_go_and_recent_ones_stay()
    {
        var directory = factory.Services.GetRequiredService<StudentDirectory>();
        var transcript = factory.Services.GetRequiredService<StudentTranscript>();
        await RecordAsync(directory, transcript, "emulator/old-student");
        clock.Advance(TimeSpan.FromDays(89));
        await RecordAsync(directory, transcript, "emulator/recent-student");
        clock.Advance(TimeSpan.FromDays(2));

        var deleted = await factory.Services.GetRequiredService<RetentionSweep>().SweepAsync(default);

        Assert.True(deleted.ContainsKey("directory")); // the hosted sweep may have run on the moved clock first
        Assert.Null(await directory.FindAsync("emulator/old-student", default));
        Assert.Empty(await transcript.RecentAsync("emulator/old-student", 10, default));
        Assert.NotNull(await directory.FindAsync("emulator/recent-student", default));
        Assert.Single(await transcript.RecentAsync("emulator/recent-student", 10, default));
    }

    private async Task RecordAsync(StudentDirectory directory, StudentTranscript transcript, string studentKey)
    {
        var user = studentKey.Split('/')[1];
        var reference = new ConversationReference
        {
            ChannelId = "emulator", ServiceUrl = "http://localhost", User = new ChannelAccount(user),
            Conversation = new ConversationAccount(id: "c-" + user), Bot = new ChannelAccount("bot"),
        };
        await directory.RecordTurnAsync(studentKey, reference, null, clock.GetUtcNow(), default);
        await transcript.AppendAsync(studentKey, [(Sender.Student, "0912345678")], clock.GetUtcNow(), default);
    }

    private static async Task UploadAsync(HttpClient client, DirectLineConversation conversation)
    {
        var image = new ByteArrayContent(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var upload = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload",
            conversation.Token, new MultipartFormDataContent { { image, "file", "cccd.png" } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
    }
}
