using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> in one SQLite file: the embedded default, no server needed.
/// Items are JSON with type names (like MemoryStorage configured with TypeNameHandling.All),
/// restricted by <see cref="StateTypeBinder"/>. ETags behave exactly like MemoryStorage:
/// a store item whose ETag is neither "*" nor the current one is refused, and every write
/// of a store item gets a new ETag.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private readonly string connectionString;
    private readonly JsonSerializer serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new StateTypeBinder(),
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    });
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private bool schemaReady;

    public SqliteStorage(string databasePath)
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

    /// <summary>Creates the folder, the file and the table when missing. Safe to call more than once.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (schemaReady)
            return;
        await schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (schemaReady)
                return;
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS bot_state (
                    key        TEXT PRIMARY KEY NOT NULL,
                    json       TEXT NOT NULL,
                    etag       TEXT NULL,
                    updated_at TEXT NOT NULL
                );
                """, cancellationToken);
            schemaReady = true;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
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
            if (await command.ExecuteScalarAsync(cancellationToken) is string json && Deserialize(json) is { } item)
                items[k] = item;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: the ETag check and the write are atomic, also across processes.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in changes)
        {
            var currentETag = await CurrentETagAsync(connection, transaction, key, cancellationToken);
            if (value is null)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM bot_state WHERE key = $key", cancellationToken, ("$key", key));
                continue;
            }

            var token = JToken.FromObject(value, serializer);
            string? newETag = null;
            if (ETagOf(value) is var (hasETag, requestedETag) && hasETag)
            {
                if (currentETag is not null && requestedETag != "*" && requestedETag != currentETag)
                    throw new ArgumentException($"Etag conflict.\r\n\r\nOriginal: {requestedETag}\r\nCurrent: {currentETag}");
                newETag = Guid.NewGuid().ToString("N");
                ((JObject)token)["ETag"] = newETag;
            }

            await ExecuteAsync(connection, transaction, """
                INSERT INTO bot_state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now)
                ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at
                """, cancellationToken,
                ("$key", key), ("$json", token.ToString(Formatting.None)), ("$etag", newETag),
                ("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys)
            await ExecuteAsync(connection, transaction, "DELETE FROM bot_state WHERE key = $key", cancellationToken, ("$key", key));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>As MemoryStorage: store items and JSON objects carrying an "ETag" take part in concurrency checks.</summary>
    private static (bool HasETag, string? ETag) ETagOf(object value) => value switch
    {
        IStoreItem item => (true, item.ETag),
        JObject json when json.ContainsKey("ETag") => (true, json.Value<string>("ETag")),
        _ => (false, null),
    };

    private object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset };
        return serializer.Deserialize(reader);
    }

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
