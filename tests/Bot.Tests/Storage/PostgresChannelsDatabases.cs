using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>A fresh database on the test server per test; each <see cref="Open"/> is a new "process" on it (disposed at the end).</summary>
public sealed class PostgresChannelsDatabases(PostgresServer server) : IAsyncLifetime
{
    private string connectionString = "";
    private readonly List<PostgresDatabase> opened = [];

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(connectionString);
        opened.Add(database);
        return database;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in opened)
            await database.DisposeAsync();
    }
}
