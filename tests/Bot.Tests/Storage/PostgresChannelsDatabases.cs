using VssBot.Bot.Channels.Webhooks.Stores;

namespace VssBot.Bot.Tests.Storage;

/// <summary>A fresh database on the test server per test; each <see cref="Open"/> is a new "process" on it (disposed at the end).</summary>
public sealed class PostgresChannelsDatabases(PostgresServer server) : IAsyncLifetime
{
    private string connectionString = "";
    private readonly List<PostgresChannelsDatabase> opened = [];

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public PostgresChannelsDatabase Open()
    {
        var database = new PostgresChannelsDatabase(connectionString);
        opened.Add(database);
        return database;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in opened)
            await database.DisposeAsync();
    }
}
