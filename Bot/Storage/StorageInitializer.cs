using Microsoft.Bot.Builder;

namespace VssBot.Bot.Storage;

/// <summary>Creates the SQLite folder, file and schema when the host starts, so a bad path fails at start-up.</summary>
internal sealed class StorageInitializer(IStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage is not SqliteStorage sqlite)
        {
            logger.LogWarning("State is kept in memory: it is lost when the process stops");
            return;
        }
        await sqlite.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("State is stored in {DatabasePath}", sqlite.DatabasePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
