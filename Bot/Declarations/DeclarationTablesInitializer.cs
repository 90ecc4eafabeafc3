namespace VssBot.Bot.Declarations;

/// <summary>Creates the outbox and registry tables when the host starts, so a bad path fails at start-up.</summary>
internal sealed class DeclarationTablesInitializer(DeclarationDatabase database, ILogger<DeclarationTablesInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Declarations (outbox and registry) are stored in {DatabasePath}", database.DatabasePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
