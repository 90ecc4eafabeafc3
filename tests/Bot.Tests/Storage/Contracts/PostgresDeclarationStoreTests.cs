using Npgsql;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage.Contracts;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeclarationStoreTests(PostgresServer server) : DeclarationStoreContractTests
{
    private readonly List<PostgresDatabase> databases = [];
    private string connectionString = "";

    /// <summary>Each call is another instance: its own pool and its own migration check.</summary>
    private PostgresDatabase Database()
    {
        var database = new PostgresDatabase(connectionString);
        lock (databases) databases.Add(database);
        return database;
    }

    protected override IDeclarationOutbox NewOutbox() => new PostgresDeclarationOutbox(Database(), Cipher);

    protected override IDeclarationRegistry NewRegistry() => new PostgresDeclarationRegistry(Database(), Cipher, Time);

    protected override Task<IReadOnlyList<string>> RawContentAsync(string table) => PostgresRaw.ColumnAsync(connectionString, $"SELECT content_json FROM {table}");

    public override async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public override async Task DisposeAsync()
    {
        foreach (var database in databases)
            await database.DisposeAsync();
    }
}

/// <summary>Reads a PostgreSQL database behind the stores' back.</summary>
internal static class PostgresRaw
{
    public static async Task<IReadOnlyList<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
