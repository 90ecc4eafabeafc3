using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string path = VssBotFactory.NewDatabasePath();
    private readonly SqliteStorage storage;

    public SqliteStorageTests() => storage = new SqliteStorage(path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Creates_the_folder_and_the_schema_on_first_use()
    {
        var nested = Path.Combine(Path.GetTempPath(), "vssbot-tests", Guid.NewGuid().ToString("N"), "App_Data", "vssbot.db");
        await new SqliteStorage(nested).EnsureCreatedAsync();
        Assert.True(File.Exists(nested));
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(nested))!, recursive: true);
    }

    [Fact]
    public async Task Writes_reads_and_deletes_items_with_their_types()
    {
        var journey = new JourneyRecord { State = JourneyState.Declared, DeclaredAt = DateTimeOffset.Parse("2025-09-01T08:00:00+07:00") };
        journey.History.Add(new JourneyEvent(JourneyState.Declaring, JourneyState.Declared, JourneyTrigger.DeclarationConfirmed, journey.DeclaredAt.Value));

        await storage.WriteAsync(new Dictionary<string, object> { ["journey"] = journey, ["note"] = new Note { Text = "xin chào" } });
        var read = await storage.ReadAsync(["journey", "note", "missing"]);

        var readJourney = Assert.IsType<JourneyRecord>(read["journey"]);
        Assert.Equal(JourneyState.Declared, readJourney.State);
        Assert.Equal(journey.DeclaredAt, readJourney.DeclaredAt);
        Assert.Equal(journey.History, readJourney.History);
        Assert.Equal("xin chào", Assert.IsType<Note>(read["note"]).Text);
        Assert.False(read.ContainsKey("missing"));

        await storage.DeleteAsync(["journey"]);
        Assert.Equal(["note"], (await storage.ReadAsync(["journey", "note"])).Keys);
    }

    [Fact]
    public async Task Bot_state_dictionaries_round_trip()
    {
        var state = new Dictionary<string, object> { ["counter"] = new CountingBot.Counter { Count = 3 } };
        await storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c1"] = state });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"]);
        Assert.Equal(3, Assert.IsType<CountingBot.Counter>(read["counter"]).Count);
    }

    [Fact]
    public async Task Every_write_of_a_store_item_gets_a_new_ETag()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        var first = (Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var second = (Note)(await storage.ReadAsync(["k"]))["k"];

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task A_stale_ETag_is_refused_like_MemoryStorage_refuses_it()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        var loaded = (Note)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "2", ETag = loaded.ETag } });

        var stale = new Note { Text = "3", ETag = loaded.ETag };
        var ours = await Record.ExceptionAsync(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale }));
        var theirs = await StaleWriteToMemoryStorage();

        Assert.NotNull(ours);
        Assert.Equal(theirs.GetType(), ours.GetType());
        Assert.Equal(theirs.Message.Split('.')[0], ours.Message.Split('.')[0]);
        Assert.Equal("2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task A_wildcard_ETag_overwrites()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "2", ETag = "*" } });
        Assert.Equal("2", ((Note)(await storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task A_json_object_with_an_ETag_takes_part_in_concurrency_checks()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = "*", ["v"] = 1 } });
        var loaded = (JObject)(await storage.ReadAsync(["k"]))["k"];

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = "old", ["v"] = 2 } }));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = loaded["ETag"], ["v"] = 3 } });
        Assert.Equal(3, (int)((JObject)(await storage.ReadAsync(["k"]))["k"])["v"]!);
    }

    [Fact]
    public async Task Items_survive_a_new_storage_on_the_same_file()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "còn đây" } });
        SqliteConnection.ClearAllPools();

        var afterRestart = new SqliteStorage(path);
        Assert.Equal("còn đây", ((Note)(await afterRestart.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task Unknown_type_names_in_a_stored_row_are_refused()
    {
        await storage.EnsureCreatedAsync();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO bot_state (key, json, etag, updated_at) VALUES ('evil', $json, NULL, '')";
            command.Parameters.AddWithValue("$json", """{"$type":"Gadgets.RunsCommands, Gadgets","cmd":"rm -rf /"}""");
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["evil"]));
        Assert.Contains("not allowed", error.ToString());
    }

    [Theory]
    [InlineData(typeof(Dictionary<string, object>), true)]
    [InlineData(typeof(List<JourneyEvent>), true)]
    [InlineData(typeof(JourneyRecord[]), true)]
    [InlineData(typeof(Microsoft.Bot.Schema.Activity), true)]
    [InlineData(typeof(Outside.Gadget), false)]
    [InlineData(typeof(List<Outside.Gadget>), false)]
    [InlineData(typeof(Dictionary<string, Outside.Gadget[]>), false)]
    public void The_binder_allows_only_System_Microsoft_Bot_and_VssBot_types(Type type, bool allowed) =>
        Assert.Equal(allowed, StateTypeBinder.IsAllowed(type));

    [Fact]
    public async Task Writing_a_type_outside_the_allowed_namespaces_fails_at_write_time()
    {
        await Assert.ThrowsAsync<JsonSerializationException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Outside.Gadget() }));
    }

    private static async Task<Exception> StaleWriteToMemoryStorage()
    {
        var memory = new MemoryStorage();
        await memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note() }, default);
        await memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { ETag = "*" } }, default);
        return (await Record.ExceptionAsync(() => memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { ETag = "0" } }, default)))!;
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public string? ETag { get; set; }
    }
}
