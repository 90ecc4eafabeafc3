using Npgsql;
using NpgsqlTypes;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

/// <summary>
/// <see cref="Microsoft.Bot.Builder.IStorage"/> in PostgreSQL, so several bot instances share state. Same serialization,
/// encryption and ETag rules as <see cref="SqliteStorage"/> (<see cref="StateStore"/>); the ETag check is part of the
/// write statement itself (<c>INSERT … ON CONFLICT DO UPDATE … WHERE etag = @requested</c>), so it is atomic across instances.
/// </summary>
public sealed class PostgresStorage : StateStore, IAsyncDisposable
{
    private readonly PostgresDatabase database;
    private readonly bool ownsDatabase;

    /// <summary>The bot state in the instance's shared <see cref="PostgresDatabase"/>.</summary>
    public PostgresStorage(PostgresDatabase database, IPersonalDataProtector protector, TimeProvider? timeProvider = null)
        : base(protector, timeProvider) => this.database = database;

    /// <summary>A store with its own connection pool (tests, tools).</summary>
    public PostgresStorage(string connectionString, IPersonalDataProtector protector, TimeProvider? timeProvider = null)
        : this(new PostgresDatabase(connectionString), protector, timeProvider) => ownsDatabase = true;

    public override string Description => database.Description;

    public ValueTask DisposeAsync() => ownsDatabase ? database.DisposeAsync() : ValueTask.CompletedTask;

    protected override Task CreateSchemaAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public override async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
            return items;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT key, data FROM bot_state WHERE key = ANY(@keys)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys.Distinct().ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (Decode(key, reader.GetString(1)) is { } item)
                items[key] = item;
        }
        return items;
    }

    public override async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = new List<EncodedItem>(changes.Count);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                await DeleteKeyAsync(connection, key, cancellationToken);
                continue;
            }

            var item = Encode(key, value);
            // The row is written unless the check applies, the stored ETag is set and it is not the requested one.
            await using var command = new NpgsqlCommand("""
                INSERT INTO bot_state (key, data, etag, updated_at) VALUES (@key, @data, @etag, @now)
                ON CONFLICT (key) DO UPDATE SET data = excluded.data, etag = excluded.etag, updated_at = excluded.updated_at
                WHERE NOT @checked OR bot_state.etag IS NULL OR bot_state.etag = @requested
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<string>("key", key));
            command.Parameters.Add(new NpgsqlParameter<string>("data", item.Data));
            command.Parameters.Add(new NpgsqlParameter("etag", NpgsqlDbType.Text) { Value = (object?)item.NewETag ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Time.GetUtcNow()));
            command.Parameters.Add(new NpgsqlParameter<bool>("checked", item.Checked));
            command.Parameters.Add(new NpgsqlParameter("requested", NpgsqlDbType.Text) { Value = (object?)item.RequestedETag ?? DBNull.Value });
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                throw ETagConflict(item.RequestedETag, await CurrentETagAsync(connection, key, cancellationToken));
            written.Add(item);
        }
        await transaction.CommitAsync(cancellationToken);
        Committed(written);
    }

    public override async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE key = ANY(@keys)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<int> DeletePersonalStateUpdatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "DELETE FROM bot_state WHERE updated_at < @cutoff AND key LIKE ANY(@patterns)", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("cutoff", cutoff.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("patterns", [.. PersonalKeyPatterns]));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await database.OpenAsync(cancellationToken);
    }

    private static async Task DeleteKeyAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM bot_state WHERE key = @key", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> CurrentETagAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT etag FROM bot_state WHERE key = @key", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
