using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Storage;

/// <summary>The contract on SQLite, every read from the file (no state kept in memory: <see cref="RecentStates"/> off).</summary>
public class SqliteStorageTests : StateStoreContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    /// <summary>What each instance keeps in memory; the subclass runs the whole contract again with it on.</summary>
    protected virtual StorageOptions.SqliteOptions Options => new() { RecentStates = 0 };

    protected override IStateStore NewInstance(IPersonalDataProtector? protector = null) =>
        new SqliteStorage(path, protector ?? TestKeys.Protector(), Time, options: Options);

    protected override async Task<IReadOnlyList<string>> RawDataAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM bot_state";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    protected override async Task InsertRawAsync(string key, string data)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bot_state (key, json, etag, updated_at) VALUES ($key, $json, NULL, '')";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$json", data);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Creates_the_folder_and_the_schema_on_first_use()
    {
        var nested = Path.Combine(Path.GetTempPath(), "vssbot-tests", Guid.NewGuid().ToString("N"), "App_Data", "vssbot.db");
        await new SqliteStorage(nested, TestKeys.Protector()).EnsureCreatedAsync();
        Assert.True(File.Exists(nested));
        SqlitePools.Release(nested);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(nested))!, recursive: true);
    }

    [Fact]
    public async Task The_raw_file_holds_no_personal_data_in_clear()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/u1"] = new Note { Text = "0912345678 ha.pham@gmail.com" } });
        SqlitePools.Release(path); // checkpoint the WAL into the file

        var bytes = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        Assert.DoesNotContain("0912345678", bytes);
        Assert.DoesNotContain("ha.pham", bytes);
    }

    [Fact]
    public async Task State_is_stored_as_text_that_an_earlier_version_reads_as_a_string()
    {
        // The upsert binds the encrypted state from UTF-8 bytes (SqliteStatement): the row must still hold TEXT, not a
        // BLOB, so a version rolled back to, which reads the column as a string, finds the student's state.
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["emulator/users/u1"] = new Note { Text = "Phạm Thu Hà 036303012345" },
            ["emulator/conversations/c1"] = new Dictionary<string, object> { ["dialogState"] = "ở bước 3" },
        });

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT key, typeof(json), json FROM bot_state ORDER BY key";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.Equal("text", reader.GetString(1));
            var stored = reader.GetValue(2);
            Assert.IsType<string>(stored);
            Assert.NotEmpty(TestKeys.Protector().UnprotectToBytes((string)stored, reader.GetString(0)));
        }
        Assert.Equal(2, rows);
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

    /// <summary>The "$type" names the binder hands over are exactly what Newtonsoft's Simple format writes (rows stay readable both ways).</summary>
    [Theory]
    [InlineData(typeof(Dictionary<string, object>))]
    [InlineData(typeof(List<JourneyEvent>))]
    [InlineData(typeof(JourneyRecord[]))]
    [InlineData(typeof(int[,]))]
    [InlineData(typeof(Dictionary<string, List<KeyValuePair<string, int?>>>))]
    [InlineData(typeof(VssBot.Dialogs.Runtime.DialogState))]
    [InlineData(typeof(StateStoreContractTests.Note))]
    public void Type_names_are_written_as_newtonsofts_simple_format_writes_them(Type type)
    {
        var value = type.IsArray ? Array.CreateInstance(type.GetElementType()!, new int[type.GetArrayRank()]) : Activator.CreateInstance(type)!;
        var simple = Newtonsoft.Json.JsonConvert.SerializeObject(value, new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All });
        var ours = Newtonsoft.Json.JsonConvert.SerializeObject(value, new Newtonsoft.Json.JsonSerializerSettings
        {
            TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All,
            SerializationBinder = new StateTypeBinder(),
            TypeNameAssemblyFormatHandling = Newtonsoft.Json.TypeNameAssemblyFormatHandling.Full,
        });
        Assert.Contains("$type", ours);
        Assert.Equal(simple, ours);
    }
}

/// <summary>The same contract with the production default: what a turn wrote is kept for the next read of those keys, and checked against the file.</summary>
public sealed class SqliteStorageKeepingRecentStatesTests : SqliteStorageTests
{
    protected override StorageOptions.SqliteOptions Options => new() { VerifyRecentStates = true };
}
