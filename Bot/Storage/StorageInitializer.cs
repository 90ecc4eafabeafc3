using Microsoft.Bot.Builder;
using VssBot.Bot.Storage.Migrations;

namespace VssBot.Bot.Storage;

/// <summary>
/// Migrates the schema when the host starts (before anything else touches the store), so a bad path, an unreachable
/// database or a failed migration fails at start-up. On SQLite the one file holds every table (the scripts of
/// <see cref="SchemaMigrations.Sqlite"/>), also when the bot state itself is kept in memory.
/// </summary>
internal sealed class StorageInitializer(IStorage storage, IServiceProvider services, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage is IStateStore store)
        {
            await store.EnsureCreatedAsync(cancellationToken);
            logger.LogInformation("State is stored in {Store}", store.Description);
        }
        else
            logger.LogWarning("State is kept in memory: it is lost when the process stops");

        if (StorageServiceCollectionExtensions.UsesPostgres(services))
        {
            logger.LogInformation("Every store (declarations, agents, channels) is in {Database}", services.GetRequiredService<PostgresDatabase>().Description);
            return;
        }
        var path = StorageServiceCollectionExtensions.SqlitePath(services);
        await SchemaMigrations.MigrateSqliteAsync(path, SchemaMigrations.Sqlite, logger, cancellationToken);
        logger.LogInformation("Declarations and the agents' tables are stored in SQLite file {Path}", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
