using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>The background checkpoints: what turns write reaches the database file itself while every connection stays open.</summary>
public sealed class SqliteCheckpointsTests : IAsyncLifetime
{
    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly string missing = VssBotFactory.NewDatabasePath();
    private readonly string damaged = VssBotFactory.NewDatabasePath();
    private readonly SqliteWriters writers = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", damaged })
            File.Delete(file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Written_state_reaches_the_database_file_without_a_commit_checkpointing_it()
    {
        using var storage = new SqliteStorage(path, TestKeys.Protector(), writers: writers);
        writers.For(missing); // a file the app knows but has not created: skipped
        Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
        await File.WriteAllTextAsync(damaged, "not a database");
        writers.For(damaged); // a file that cannot be checkpointed: a warning, once, and the others still checkpointed
        var logger = new FakeLogger<SqliteCheckpoints>();
        using var checkpoints = new SqliteCheckpoints(writers, Options(TimeSpan.FromMilliseconds(50)), logger);
        await checkpoints.StartAsync(CancellationToken.None);

        // The file is created and migrated by the first write, while the checkpointer already runs.
        for (var i = 0; i < 50; i++) // far fewer pages than a commit's own threshold
            await storage.WriteAsync(new Dictionary<string, object> { [$"test/users/u{i}"] = new Dictionary<string, object> { ["n"] = i } });

        Assert.True(await EventuallyAsync(() => RowsInTheFileAlone() == 50), "the rows never reached the database file");
        await Task.Delay(300); // several more rounds over the damaged file
        Assert.False(File.Exists(missing));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains(Path.GetFileName(damaged), warning.Message);
        await checkpoints.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_the_background_checkpoints_a_few_commits_stay_in_the_log()
    {
        using var storage = new SqliteStorage(path, TestKeys.Protector(), writers: writers);
        using var checkpoints = new SqliteCheckpoints(writers, Options(TimeSpan.Zero), NullLogger<SqliteCheckpoints>.Instance);
        await checkpoints.StartAsync(CancellationToken.None);

        for (var i = 0; i < 50; i++)
            await storage.WriteAsync(new Dictionary<string, object> { [$"test/users/u{i}"] = new Dictionary<string, object> { ["n"] = i } });

        await Task.Delay(300);
        Assert.Equal(0, RowsInTheFileAlone()); // the control: the test above sees the checkpointer's work, not SQLite's own
        await checkpoints.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Every_SQLite_file_the_app_writes_is_checkpointed_in_the_background()
    {
        // Connections to these files leave checkpoints to SqliteCheckpoints (SqliteFile.ConnectionPragmas): a file it
        // did not know would grow an 8,000-page log and be checkpointed by a request holding it up.
        using var factory = new VssBotFactory();
        var services = factory.Services;
        _ = services.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        _ = services.GetRequiredService<VssBot.Bot.Channels.Webhooks.Inbox.IWebhookInbox>();
        _ = services.GetRequiredService<VssBot.Bot.Channels.DirectLine.Stores.IConversationStore>();
        _ = services.GetRequiredService<VssBot.Bot.Agents.AgentsDatabase>();
        _ = services.GetRequiredService<VssBot.Bot.Declarations.DeclarationDatabase>();

        var files = services.GetRequiredService<SqliteWriters>().Files.Select(Path.GetFileName).ToHashSet();
        var botFile = Path.GetFileName(factory.DatabasePath);
        Assert.Contains(botFile, files);
        Assert.Contains(Path.GetFileNameWithoutExtension(botFile) + ".webhook-inbox.db", files);
        Assert.Contains("conversations.db", files);
        Assert.Contains(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is SqliteCheckpoints);
    }

    private static IOptions<StorageOptions> Options(TimeSpan interval) =>
        Microsoft.Extensions.Options.Options.Create(new StorageOptions { Sqlite = { CheckpointInterval = interval } });

    /// <summary>Rows of a copy of the database file without its log: what a checkpoint has copied in.</summary>
    private int RowsInTheFileAlone()
    {
        var copy = VssBotFactory.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(path, copy);
        try
        {
            using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM bot_state";
            return Convert.ToInt32(command.ExecuteScalar());
        }
        catch (SqliteException)
        {
            return -1; // copied halfway through a checkpoint: look again
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
                File.Delete(file);
        }
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(50))
        {
            if (condition())
                return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
