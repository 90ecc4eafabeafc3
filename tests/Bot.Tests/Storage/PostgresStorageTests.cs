using Npgsql;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

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
        await using var command = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM vssbot_schema_version", connection);
        Assert.Equal(PostgresSchema.Migrations.Select(m => m.Version), (int[])(await command.ExecuteScalarAsync())!);
        await using var again = NpgsqlDataSource.Create(fresh);
        Assert.Empty(await PostgresSchema.MigrateAsync(again, default));
        foreach (var s in starting)
            await s.DisposeAsync();
    }
}
