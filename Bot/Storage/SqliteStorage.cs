using System.Globalization;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

/// <summary>
/// <see cref="Microsoft.Bot.Builder.IStorage"/> in one SQLite file: the embedded default, no server needed.
/// Serialization, encryption and ETag rules: <see cref="StateStore"/>.
/// Built for the turn's hot path: the file's one writer (<see cref="SqliteWriters"/>: one long-lived connection whose
/// statements are prepared once, used by one write at a time behind an async gate, so a waiting turn holds no thread and
/// never meets SQLite's sleeping busy handler), and a few long-lived read connections (WAL readers never wait for the writer). WAL with synchronous=NORMAL: a commit
/// survives a crash of the process; a power cut may lose the last commits, never corrupt the file.
/// What a turn wrote is kept for the conversation's next turn (<see cref="RecentStates"/>), which then reads nothing.
/// </summary>
public sealed class SqliteStorage : StateStore, IDisposable
{
    private readonly string connectionString;
    private readonly SqliteWriter writer;
    private readonly SqliteWriters? ownWriters; // built alone (tests): the file's writer is this store's own
    private readonly System.Collections.Concurrent.ConcurrentBag<Reader> readers = [];
    private readonly RecentStates recent;
    private readonly bool verifyRecent;
    private bool disposed;

    /// <param name="writers">The app's writers, so state writes take turns with the other writers of the file, on its one connection; none: a writer of its own.</param>
    /// <param name="options">How much recently written state is kept in memory (<see cref="StorageOptions.SqliteOptions.RecentStates"/>); none: the defaults.</param>
    public SqliteStorage(string databasePath, IPersonalDataProtector protector, TimeProvider? timeProvider = null, SqliteWriters? writers = null,
        StorageOptions.SqliteOptions? options = null)
        : base(protector, timeProvider)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        writer = (writers ?? (ownWriters = new SqliteWriters())).For(DatabasePath);
        connectionString = SqliteFile.ConnectionStringFor(DatabasePath);
        options ??= new StorageOptions.SqliteOptions();
        recent = new RecentStates(options.RecentStates, options.RecentStateLifetime, Time);
        verifyRecent = options.VerifyRecentStates;
    }

    /// <summary>The state kept in memory for the next turns (for tests and diagnostics).</summary>
    internal RecentStates Recent => recent;

    public string DatabasePath { get; }

    public override string Description => $"SQLite file {DatabasePath}";

    /// <summary>Creates the folder and the file, and applies the schema migrations (the same set as the other tables of this file).</summary>
    protected override Task CreateSchemaAsync(CancellationToken cancellationToken) =>
        Migrations.SchemaMigrations.MigrateSqliteAsync(DatabasePath, Migrations.SchemaMigrations.Sqlite,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);

    public override async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
            return new Dictionary<string, object>();
        await EnsureCreatedAsync(cancellationToken);
        var distinct = keys.Length == 1 ? keys : keys.Distinct(StringComparer.Ordinal).ToArray();
        if (recent.TryTake(distinct, out var kept))
        {
            var items = new Dictionary<string, object>(kept.Count);
            foreach (var (key, value) in kept)
                items[key] = value;
            if (verifyRecent)
                VerifyKept(items);
            return items;
        }
        return ReadFromFile(distinct);
    }

    /// <summary>The stored items of <paramref name="keys"/> (the absent ones left out), on a pooled read connection.</summary>
    private Dictionary<string, object> ReadFromFile(IReadOnlyList<string> keys)
    {
        var items = new Dictionary<string, object>(keys.Count);
        var reader = RentReader();
        try
        {
            foreach (var k in keys)
            {
                reader.Key.Value = k;
                if (reader.Select.ExecuteScalar() is string stored && Decode(k, stored) is { } item)
                    items[k] = item;
            }
        }
        catch (SqliteException)
        {
            reader.Dispose(); // not reused
            throw;
        }
        readers.Add(reader);
        return items;
    }

    public override async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Serialised and encrypted before the gate: the gate is held only for SQLite's own work.
        var items = changes.Select(c => (c.Key, Item: c.Value is null ? null : Encode(c.Key, c.Value))).ToList();
        var now = Timestamp(Time.GetUtcNow());
        await WriteAsync(w =>
        {
            recent.Forget(changes.Keys); // first: a write that fails leaves no copy behind
            foreach (var (key, item) in items)
            {
                if (item is null)
                {
                    w.Statement(DeleteSql).Bind("$key", key).ExecuteNonQuery();
                    continue;
                }
                var changed = w.Statement(UpsertSql).Bind("$key", key).BindUtf8("$json", item.Text).Bind("$etag", item.NewETag).Bind("$now", now)
                    .Bind("$checked", item.Checked ? 1 : 0).Bind("$requested", item.RequestedETag).ExecuteNonQuery();
                if (changed == 0)
                {
                    // The row is there with another ETag: the check refused the update (the statement changed nothing).
                    throw ETagConflict(item.RequestedETag, w.Statement(CurrentETagSql).Bind("$key", key).FirstRow()?[0]);
                }
            }
            return 0;
        }, cancellationToken, committed: () =>
        {
            // Still behind the gate: a delete of these keys cannot slip in between the commit and the copy.
            Committed(items.Select(i => i.Item).OfType<EncodedItem>());
            if (items.All(i => i.Item?.Dictionary is not null))
                recent.Remember([.. items.Select(i => KeyValuePair.Create(i.Key, i.Item!.Dictionary!))]);
        });
    }

    public override Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return WriteAsync(w =>
        {
            recent.Forget(keys);
            foreach (var key in keys)
                w.Statement(DeleteSql).Bind("$key", key).ExecuteNonQuery();
            return 0;
        }, cancellationToken);
    }

    public override Task<int> DeletePersonalStateUpdatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        WriteAsync(w =>
        {
            recent.Clear();
            // updated_at is ISO 8601 in UTC ("O"), so text order is time order.
            using var command = w.Sql("DELETE FROM bot_state WHERE updated_at < $cutoff AND (key LIKE $conversations OR key LIKE $users)",
                ("$cutoff", Timestamp(cutoff)), ("$conversations", PersonalKeyPatterns[0]), ("$users", PersonalKeyPatterns[1]));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public void Dispose()
    {
        writer.Gate.Wait(); // after the write running now, if any
        try
        {
            disposed = true;
            recent.Clear();
            while (readers.TryTake(out var reader))
                reader.Dispose();
        }
        finally
        {
            writer.Gate.Release();
        }
        ownWriters?.Dispose();
    }

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    // The statements of every turn's write, prepared once on the file's write connection (SqliteWrite.Statement).
    // The ETag check is the upsert's own WHERE (one statement per item, not a SELECT and an upsert): a checked item
    // updates only a row without an ETag or with the one it read; a refused update changes no row.
    private const string UpsertSql = """
        INSERT INTO bot_state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now)
        ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at
        WHERE $checked = 0 OR bot_state.etag IS NULL OR bot_state.etag = $requested
        """;
    private const string CurrentETagSql = "SELECT etag FROM bot_state WHERE key = $key";
    private const string DeleteSql = "DELETE FROM bot_state WHERE key = $key";

    /// <summary>
    /// Runs <paramref name="work"/> in one IMMEDIATE transaction of the file's writer (atomic also across processes), one
    /// caller at a time, then <paramref name="committed"/> after the commit, before the next writer.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken, Action? committed = null)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var write = await writer.BeginAsync(cancellationToken);
        ObjectDisposedException.ThrowIf(disposed, this);
        var result = work(write);
        write.Transaction.Commit();
        committed?.Invoke();
        return result;
    }

    /// <summary>
    /// <see cref="StorageOptions.SqliteOptions.VerifyRecentStates"/>: what memory handed out must serialize exactly as the
    /// row in the file does (nothing changed the objects after their turn saved them, nothing else wrote the row).
    /// </summary>
    private void VerifyKept(IDictionary<string, object> kept)
    {
        var stored = ReadFromFile([.. kept.Keys]);
        foreach (var (key, value) in kept)
            if (!stored.TryGetValue(key, out var row) || Canonical(row) != Canonical(value))
                throw new InvalidOperationException($"The state kept in memory for a {(key.Contains("/users/", StringComparison.Ordinal) ? "user" : "conversation")} differs from its stored row.");
    }

    private Reader RentReader()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return readers.TryTake(out var reader) ? reader : new Reader(SqliteFile.Connect(connectionString));
    }

    private sealed class Reader : IDisposable
    {
        public Reader(SqliteConnection connection)
        {
            Connection = connection;
            Select = connection.CreateCommand();
            Select.CommandText = "SELECT json FROM bot_state WHERE key = $key";
            Key = Select.Parameters.Add("$key", SqliteType.Text);
            Select.Prepare();
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand Select { get; }
        public SqliteParameter Key { get; }

        public void Dispose()
        {
            Select.Dispose();
            Connection.Dispose();
        }
    }
}
