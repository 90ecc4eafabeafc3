namespace VssBot.Bot.Declarations;

/// <summary>
/// Generates the registry key (and logs where to read it) when the host starts, not at the first call. The tables
/// themselves are migrated by <see cref="Storage.StorageInitializer"/> with the rest of the schema.
/// </summary>
internal sealed class DeclarationTablesInitializer(Registry.RegistryApiKey registryKey) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = registryKey.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
