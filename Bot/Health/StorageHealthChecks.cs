using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Health;

/// <summary>
/// The database answers and (SQLite) its pages are sound: <c>PRAGMA quick_check</c> finds damaged pages before a
/// student's turn does. A data key that cannot decrypt is the other check's business.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceProvider services, IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (options.Value.Provider == StorageProvider.Sqlite)
            {
                var path = StorageServiceCollectionExtensions.SqlitePath(services);
                if (!File.Exists(path))
                    return HealthCheckResult.Unhealthy("The SQLite database file is missing.");
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite }.ToString());
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check(1)";
                var result = await command.ExecuteScalarAsync(cancellationToken) as string;
                return result == "ok" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The SQLite database is damaged (quick_check).");
            }
            await services.GetRequiredService<IStorage>().ReadAsync([DataMarker.Key], cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (CryptographicException)
        {
            return HealthCheckResult.Healthy("Reachable (the data key is reported separately).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be read: {e.GetType().Name}.");
        }
    }
}

/// <summary>The configured data key decrypts what is stored (the marker item, written at the first start).</summary>
public sealed class DataKeyHealthCheck(IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync([DataMarker.Key], cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (CryptographicException)
        {
            return HealthCheckResult.Unhealthy("DataProtection:Key cannot decrypt the stored data (set the key it was written with, or add it to DataProtection:PreviousKeys).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The stored data cannot be read: {e.GetType().Name}.");
        }
    }
}
