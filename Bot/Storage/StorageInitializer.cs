using Microsoft.Bot.Builder;

namespace VssBot.Bot.Storage;

/// <summary>Creates or migrates the schema when the host starts, so a bad path or an unreachable database fails at start-up.</summary>
internal sealed class StorageInitializer(IStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage is not IStateStore store)
        {
            logger.LogWarning("State is kept in memory: it is lost when the process stops");
            return;
        }
        await store.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("State is stored in {Store}", store.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
