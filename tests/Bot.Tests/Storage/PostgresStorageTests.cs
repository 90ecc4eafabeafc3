using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Storage.Migrations;

namespace VssBot.Bot.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StateStoreContractTests
{
    private string connectionString = "";
    private readonly List<PostgresStorage> instances = [];

    public override async Task InitializeAsync()
    {
        connectionString = await server.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var instance in instances)
            await instance.DisposeAsync();
    }

    protected override IStateStore NewInstance(IPersonalDataProtector? protector = null)
    {
        var instance = new PostgresStorage(connectionString, protector ?? TestKeys.Protector(), Time);
        instances.Add(instance);
        return instance;
    }

    protected override Task<IReadOnlyList<string>> RawDataAsync() => PostgresServer.RawStateAsync(connectionString);

    protected override async Task InsertRawAsync(string key, string data)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO bot_state (key, data, etag, updated_at) VALUES (@key, @data, NULL, now())", connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("data", data);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Instances_starting_together_migrate_the_schema_once()
    {
        var fresh = await server.CreateDatabaseAsync();
        var starting = Enumerable.Range(0, 6).Select(_ => new PostgresStorage(fresh, TestKeys.Protector())).ToList();

        await Task.WhenAll(starting.Select(s => Task.Run(() => s.EnsureCreatedAsync())));

        await using var connection = new NpgsqlConnection(fresh);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT scriptname FROM {SchemaMigrations.JournalTable} ORDER BY schemaversionsid", connection);
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                applied.Add(reader.GetString(0));
        Assert.Equal(SchemaMigrations.Scripts(SchemaMigrations.Postgres), applied);
        Assert.Empty(await SchemaMigrations.MigratePostgresAsync(fresh, NullLogger.Instance, default));
        foreach (var s in starting)
            await s.DisposeAsync();
    }

    [Fact]
    public async Task A_database_from_before_DbUp_keeps_its_state_and_gets_the_new_tables()
    {
        // A row as the store writes it (encrypted, bound to its key), taken from another database.
        await Storage.WriteAsync(new Dictionary<string, object> { ["note"] = new Note { Text = "vẫn còn" } });
        var row = Assert.Single(await RawDataAsync());

        var old = await server.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(old))
        {
            await connection.OpenAsync();
            // What the hand-rolled migration (version 1) left behind, with the row in it.
            await using var command = new NpgsqlCommand("""
                CREATE TABLE vssbot_schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO vssbot_schema_version (version, description) VALUES (1, 'bot_state');
                CREATE TABLE bot_state (key text PRIMARY KEY, data text NOT NULL, etag text NULL, updated_at timestamptz NOT NULL);
                CREATE INDEX bot_state_updated_at ON bot_state (updated_at);
                INSERT INTO bot_state (key, data, etag, updated_at) VALUES ('note', @data, NULL, now());
                """, connection);
            command.Parameters.AddWithValue("data", row);
            await command.ExecuteNonQueryAsync();
        }

        await using var after = new PostgresStorage(old, TestKeys.Protector());
        Assert.Equal("vẫn còn", ((Note)(await after.ReadAsync(["note"]))["note"]).Text);
        await using var check = new NpgsqlConnection(old);
        await check.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('declaration_outbox', 'registry_declarations', 'vssbot_schema_version')", check);
        Assert.Equal(2L, await tables.ExecuteScalarAsync()); // the new tables; the old version table is gone
    }
}
