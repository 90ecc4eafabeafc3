using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> as configured in "Storage" (SQLite file by default), its encryption key
    /// ("DataProtection") and the retention of personal data ("Retention").
    /// </summary>
    public static IServiceCollection AddStateStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Profiles read and moved outside a turn (the outbox worker, the printable form).
        services.TryAddSingleton<StudentProfiles>();
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.Sqlite.Path),
                "Storage:Sqlite:Path is required when Storage:Provider is Sqlite.")
            .Validate(o => o.Provider != StorageProvider.Postgres || IsConnectionString(o.Postgres.ConnectionString),
                "Storage:Postgres:ConnectionString must be a valid Npgsql connection string with a Host when Storage:Provider is Postgres.")
            .ValidateOnStart();
        services.AddPersonalDataProtection();

        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Memory => new MemoryStorage(),
                StorageProvider.Postgres => new PostgresStorage(options.Postgres.ConnectionString!, sp.GetRequiredService<IPersonalDataProtector>(), time),
                _ => new SqliteStorage(SqlitePath(sp), sp.GetRequiredService<IPersonalDataProtector>(), time),
            };
        });
        services.AddHostedService<StorageInitializer>();
        services.AddStateRetention();
        return services;
    }

    /// <summary>The SQLite file as configured, relative paths under the content root.</summary>
    internal static string SqlitePath(IServiceProvider services) =>
        Path.GetFullPath(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath,
            services.GetRequiredService<IOptions<StorageOptions>>().Value.Sqlite.Path));

    private static bool IsConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
