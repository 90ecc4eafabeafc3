using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Storage;

/// <summary>What the marker item holds: when the store first held VssBot data.</summary>
public sealed record DataMarkerItem(DateTimeOffset CreatedAt);

/// <summary>
/// Tells a store that lost its data from a new one (issue 10, row 10). At the first start a marker item is written into
/// the store (encrypted like all state, so reading it also proves the data key) and, for SQLite, a marker file next to
/// the database. Afterwards a missing or zero-byte database, or one without the marker item, stops the host with an error
/// instead of silently starting empty; with PostgreSQL (nothing outside the database remembers it), a database without the
/// marker item does once <see cref="StorageOptions.RequireExistingData"/> is set. A data key that cannot read the marker
/// is logged and reported by /health; nothing is deleted or rewritten.
/// </summary>
public sealed class DataMarker(IServiceProvider services, IOptions<StorageOptions> options, TimeProvider time, ILogger<DataMarker> logger) : IHostedService
{
    public const string Key = "vssbot/data-marker";
    public const string FileSuffix = ".data-marker";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sqlite = options.Value.Provider == StorageProvider.Sqlite;
        var path = sqlite ? StorageServiceCollectionExtensions.SqlitePath(services) : null;
        var markerFile = path + FileSuffix;
        if (sqlite && File.Exists(markerFile) && (!File.Exists(path) || new FileInfo(path!).Length == 0))
            throw Lost($"The database {path} is missing or empty");

        var storage = services.GetRequiredService<IStorage>();
        IDictionary<string, object> found;
        try
        {
            found = await storage.ReadAsync([Key], cancellationToken);
        }
        catch (CryptographicException e)
        {
            logger.LogError("The data key cannot read the stored data ({Error}): check DataProtection:Key / DataProtection:PreviousKeys. Nothing is deleted; /health reports it",
                e.GetType().Name);
            return;
        }
        if (found.ContainsKey(Key))
        {
            if (sqlite && !File.Exists(markerFile))
                WriteMarkerFile(markerFile);
            return;
        }
        if (sqlite && File.Exists(markerFile))
            throw Lost($"The database {path} holds no VssBot data");
        if (options.Value.RequireExistingData)
            throw new InvalidOperationException(
                $"The {options.Value.Provider} store holds no VssBot data, but Storage:RequireExistingData is true: check the connection string " +
                "or restore the database from a backup; for a first start on purpose, set Storage:RequireExistingData to false.");

        await storage.WriteAsync(new Dictionary<string, object> { [Key] = new DataMarkerItem(time.GetUtcNow()) }, cancellationToken);
        if (sqlite)
            WriteMarkerFile(markerFile);

        InvalidOperationException Lost(string what) => new(
            $"{what}, but VssBot data was stored there before ({markerFile}). Restore the database from a backup; " +
            $"to start afresh on purpose, delete {markerFile}.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void WriteMarkerFile(string path)
    {
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, Privacy.OwnerOnlyFiles.NewFile(FileMode.Create));
        writer.Write("This folder's database holds VssBot data. If the database goes missing, VssBot refuses to start instead of starting empty.");
    }
}
