using Microsoft.Data.Sqlite;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;

namespace VssBot.Bot.Tests.Storage.Contracts;

public sealed class SqliteDeclarationStoreTests : DeclarationStoreContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override IDeclarationOutbox NewOutbox() => new SqliteDeclarationOutbox(new DeclarationDatabase(path), Cipher);

    protected override IDeclarationRegistry NewRegistry() => new SqliteDeclarationRegistry(new DeclarationDatabase(path), Cipher, Time);

    protected override Task<IReadOnlyList<string>> RawContentAsync(string table) => SqliteRaw.ColumnAsync(path, $"SELECT content_json FROM {table}");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        SqliteRaw.Delete(path);
        return Task.CompletedTask;
    }
}

/// <summary>Reads a SQLite file behind the stores' back, and deletes it with its WAL files.</summary>
internal static class SqliteRaw
{
    public static async Task<IReadOnlyList<string>> ColumnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    public static void Delete(string path)
    {
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
