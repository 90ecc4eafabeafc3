using System.Globalization;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

/// <summary>
/// <see cref="Microsoft.Bot.Builder.IStorage"/> in one SQLite file: the embedded default, no server needed.
/// Serialization, encryption and ETag rules: <see cref="StateStore"/>.
/// </summary>
public sealed class SqliteStorage : StateStore
{
    private readonly string connectionString;

    public SqliteStorage(string databasePath, IPersonalDataProtector protector, TimeProvider? timeProvider = null)
        : base(protector, timeProvider)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30, // seconds to wait for a busy database
        }.ToString();
    }

    public string DatabasePath { get; }

    public override string Description => $"SQLite file {DatabasePath}";

    /// <summary>Creates the folder and the file, and applies the schema migrations (the same set as the other tables of this file).</summary>
    protected override Task CreateSchemaAsync(CancellationToken cancellationToken) =>
        Migrations.SchemaMigrations.MigrateSqliteAsync(DatabasePath, Migrations.SchemaMigrations.Sqlite,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);

    public override async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM bot_state WHERE key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var k in keys.Distinct())
        {
            key.Value = k;
            if (await command.ExecuteScalarAsync(cancellationToken) is string stored && Decode(k, stored) is { } item)
                items[k] = item;
        }
        return items;
    }

    public override async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: the ETag check and the write are atomic, also across processes.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var written = new List<EncodedItem>(changes.Count);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM bot_state WHERE key = $key", cancellationToken, ("$key", key));
                continue;
            }

            var item = Encode(key, value);
            var currentETag = await CurrentETagAsync(connection, transaction, key, cancellationToken);
            if (item.Checked && currentETag is not null && item.RequestedETag != currentETag)
                throw ETagConflict(item.RequestedETag, currentETag);

            await ExecuteAsync(connection, transaction, """
                INSERT INTO bot_state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now)
                ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at
                """, cancellationToken,
                ("$key", key), ("$json", item.Data), ("$etag", item.NewETag), ("$now", Timestamp(Time.GetUtcNow())));
            written.Add(item);
        }
        await transaction.CommitAsync(cancellationToken);
        Committed(written);
    }

    public override async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys)
            await ExecuteAsync(connection, transaction, "DELETE FROM bot_state WHERE key = $key", cancellationToken, ("$key", key));
        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task<int> DeletePersonalStateUpdatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // updated_at is ISO 8601 in UTC ("O"), so text order is time order.
        command.CommandText = "DELETE FROM bot_state WHERE updated_at < $cutoff AND (key LIKE $conversations OR key LIKE $users)";
        command.Parameters.AddWithValue("$cutoff", Timestamp(cutoff));
        command.Parameters.AddWithValue("$conversations", PersonalKeyPatterns[0]);
        command.Parameters.AddWithValue("$users", PersonalKeyPatterns[1]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<string?> CurrentETagAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
