using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VssBot.Bot.Storage.Migrations;

namespace VssBot.Bot.Storage;

/// <summary>
/// The one PostgreSQL database every store of an instance shares (<c>Storage:Provider=Postgres</c>): a pooled data
/// source, and the schema migrated once (under the advisory lock of <see cref="SchemaMigrations"/>) before first use.
/// A failed migration is tried again on the next use.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly ILogger logger;
    private readonly SemaphoreSlim migrationLock = new(1, 1);
    private volatile bool migrated;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        this.connectionString = connectionString;
        this.logger = logger ?? NullLogger<PostgresDatabase>.Instance;
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        DataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the data lives, for logs (never a password).</summary>
    public string Description { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>A connection string with the password, for LISTEN connections (kept out of the pool's reach).</summary>
    internal string ConnectionString => connectionString;

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (migrated)
            return;
        await migrationLock.WaitAsync(cancellationToken);
        try
        {
            if (migrated)
                return;
            var applied = await SchemaMigrations.MigratePostgresAsync(connectionString, logger, cancellationToken);
            if (applied.Count > 0)
                logger.LogInformation("{Database}: applied {Count} schema migration(s): {Scripts}", Description, applied.Count, string.Join(", ", applied));
            migrated = true;
        }
        finally
        {
            migrationLock.Release();
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A command with its parameters (by name, types inferred from the values).</summary>
    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
