using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage.KeyRing;
using VssBot.Bot.Storage.Notifications;

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

        // One database for every store of the instance when the provider is PostgreSQL (created only then).
        services.AddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Postgres.ConnectionString!, sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        // Writers of one SQLite file take turns at one async gate (bot state, console tables, outbox).
        services.AddSingleton<SqliteWriters>();
        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Memory => new MemoryStorage(),
                StorageProvider.Postgres => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IPersonalDataProtector>(), time),
                _ => new SqliteStorage(SqlitePath(sp), sp.GetRequiredService<IPersonalDataProtector>(), time, sp.GetRequiredService<SqliteWriters>(), options.Sqlite),
            };
        });
        // Wake-ups between instances: NOTIFY/LISTEN on PostgreSQL, in-process otherwise.
        services.AddSingleton<LocalChangeNotifications>();
        services.AddSingleton<PostgresChangeNotifications>();
        services.AddSingleton<IChangeNotifications>(sp => UsesPostgres(sp)
            ? sp.GetRequiredService<PostgresChangeNotifications>()
            : sp.GetRequiredService<LocalChangeNotifications>());
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<SqliteCheckpoints>();
        services.AddSharedKeyRing();
        services.AddSingleton<IHostedService>(sp => UsesPostgres(sp) ? sp.GetRequiredService<PostgresChangeNotifications>() : NoService.Instance);
        services.AddRetentionTarget<StateRetentionTarget>();
        return services;
    }

    /// <summary>
    /// With PostgreSQL, the ASP.NET Core Data Protection key ring (agents' sign-in cookies, antiforgery tokens) lives in the
    /// database under one application name, so every replica reads what another issued. With SQLite (one instance) the
    /// framework's default (a key folder of the user profile) is kept.
    /// </summary>
    private static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            if (UsesPostgres(sp))
                options.XmlRepository = new PostgresKeyRing(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IPersonalDataProtector>());
        });
        services.AddOptions<DataProtectionOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            if (UsesPostgres(sp))
                options.ApplicationDiscriminator = "VssBot";
        });
        return services;
    }

    /// <summary>
    /// Registers a store with its two implementations side by side: <typeparamref name="TPostgres"/> when
    /// <c>Storage:Provider</c> is Postgres (every replica shares it), <typeparamref name="TSqlite"/> otherwise (the one file).
    /// </summary>
    public static IServiceCollection AddStore<TStore, TSqlite, TPostgres>(this IServiceCollection services)
        where TStore : class where TSqlite : class, TStore where TPostgres : class, TStore
    {
        services.TryAddSingleton<TSqlite>();
        services.TryAddSingleton<TPostgres>();
        services.AddSingleton<TStore>(sp => UsesPostgres(sp) ? sp.GetRequiredService<TPostgres>() : sp.GetRequiredService<TSqlite>());
        return services;
    }

    public static bool UsesPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

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

    /// <summary>A hosted service that does nothing (a registration that applies to one provider only).</summary>
    private sealed class NoService : IHostedService
    {
        public static readonly NoService Instance = new();
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
