namespace VssBot.Bot.Declarations;

/// <summary>Creates the outbox and registry tables (and the registry key) when the host starts, so a bad path fails at start-up.</summary>
internal sealed class DeclarationTablesInitializer(DeclarationDatabase database, Registry.RegistryApiKey registryKey, ILogger<DeclarationTablesInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = registryKey.Value; // generated (and where to read it logged) at start-up, not at the first call
        await database.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Declarations (outbox and registry) are stored in {DatabasePath}", database.DatabasePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
