using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace VssBot.Bot.Storage.Migrations;

/// <summary>
/// The schema as versioned SQL scripts run by DbUp (embedded from <c>Storage/Migrations/{set}/NNNN_name.sql</c>, in name
/// order, each once, recorded in <see cref="JournalTable"/>). Every instance runs them at start-up under a lock: a
/// PostgreSQL session advisory lock (released if the instance dies), or an exclusive lock file beside a SQLite file.
/// Add a change as a new script; never edit one that has shipped.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>DbUp's journal of applied scripts.</summary>
    public const string JournalTable = "vssbot_schema_versions";

    /// <summary>Advisory lock id of VssBot's schema migrations ("VSSBOT" in ASCII).</summary>
    public const long PostgresLockId = 0x5653_5342_4F54;

    public const string Postgres = "Postgres";
    /// <summary>The bot's SQLite file: state, declarations, agents' tables.</summary>
    public const string Sqlite = "Sqlite";
    /// <summary>The Direct Line channel's own SQLite file.</summary>
    public const string SqliteDirectLine = "SqliteDirectLine";
    /// <summary>The webhook inbox's own SQLite file (Messenger and Zalo acknowledge after one insert there).</summary>
    public const string SqliteWebhookInbox = "SqliteWebhookInbox";

    /// <summary>The scripts of <paramref name="set"/>, in the order they apply.</summary>
    public static IReadOnlyList<string> Scripts(string set) =>
        [.. typeof(SchemaMigrations).Assembly.GetManifestResourceNames().Where(n => InSet(n, set)).Order(StringComparer.Ordinal)];

    /// <summary>Applies the missing PostgreSQL scripts; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigratePostgresAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresLockId})", lockConnection))
            await take.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            var upgrader = DeployChanges.To.PostgresqlDatabase(connectionString)
                .JournalToPostgresqlTable("public", JournalTable);
            return await RunAsync(upgrader, Postgres, logger, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresLockId})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Applies the missing scripts of <paramref name="set"/> to the SQLite file <paramref name="path"/> (created when missing).</summary>
    public static async Task<IReadOnlyList<string>> MigrateSqliteAsync(string path, string set, ILogger logger, CancellationToken cancellationToken)
    {
        Privacy.OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var fileLock = await LockFileAsync(path + ".migrations.lock", cancellationToken);
        Privacy.OwnerOnlyFiles.PrepareDatabaseFile(path); // owner-only from creation, and so are its -wal and -shm
        var connectionString = SqliteFile.ConnectionStringFor(path);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;"; // persistent: readers do not wait for the writer
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        var upgrader = DeployChanges.To.SqliteDatabase(connectionString).JournalToSqliteTable(JournalTable);
        var applied = await RunAsync(upgrader, set, logger, cancellationToken);
        SqliteConnection.ClearPool(new SqliteConnection(connectionString)); // DbUp's connection holds no lock past this point
        return applied;
    }

    private static async Task<IReadOnlyList<string>> RunAsync(UpgradeEngineBuilder builder, string set, ILogger logger, CancellationToken cancellationToken)
    {
        var engine = builder
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrations).Assembly, name => InSet(name, set))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(new DbUpLog(logger))
            .Build();
        // DbUp is synchronous: run it off the caller's thread (once per start).
        var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
        if (!result.Successful)
            throw new InvalidOperationException($"Schema migration {result.ErrorScript?.Name ?? set} failed: {result.Error?.Message}", result.Error);
        return [.. result.Scripts.Select(s => s.Name)];
    }

    private static bool InSet(string resourceName, string set) =>
        resourceName.StartsWith($"Storage/Migrations/{set}/", StringComparison.Ordinal) && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    /// <summary>An exclusive lock file (flock on Linux): one migrator at a time, across instances and processes.</summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>DbUp's log into the host's logging (script names and counts, no data).</summary>
    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
