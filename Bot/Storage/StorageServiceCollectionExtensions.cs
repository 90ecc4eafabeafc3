using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IStorage"/> as configured in "Storage" (SQLite file by default).</summary>
    public static IServiceCollection AddStateStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.Sqlite.Path),
                "Storage:Sqlite:Path is required when Storage:Provider is Sqlite.")
            .ValidateOnStart();

        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Memory => new MemoryStorage(),
                _ => new SqliteStorage(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Sqlite.Path)),
            };
        });
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
