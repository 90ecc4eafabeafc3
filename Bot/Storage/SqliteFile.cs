using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VssBot.Bot.Storage.Migrations;

namespace VssBot.Bot.Storage;

/// <summary>
/// One SQLite file in the app's data folder: on first use the folder, the file (in WAL mode) and its tables are
/// created or migrated by the scripts of <paramref name="scripts"/> (a <see cref="SchemaMigrations"/> set);
/// afterwards each read opens a pooled connection of its own, and every write goes through the file's one writer
/// (<see cref="SqliteWriters"/>). A failed migration is tried again on the next use.
/// </summary>
public sealed class SqliteFile(string path, string scripts, ILogger? logger = null, SqliteWriters? writers = null)
{
    // Without the app's shared writers (a store built alone, in tests) the file gets a writer of its own.
    private readonly SqliteWriter _writer = (writers ?? new SqliteWriters()).For(path);
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _ready;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private readonly string connectionString = ConnectionStringFor(path); // built once, not per operation

    /// <summary>
    /// The one connection string the app opens a SQLite file with: SQLite pools by connection string, so every store of a
    /// file shares one pool (and a test can close exactly that file's connections).
    /// </summary>
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = System.IO.Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30, // seconds to wait for a busy database
    }.ToString();

    /// <summary>
    /// WAL pages after which a commit checkpoints the file itself (SQLite's default is 1,000): a backstop, since
    /// <see cref="SqliteCheckpoints"/> checkpoints the app's files in the background long before.
    /// </summary>
    public const int AutoCheckpointPages = 8000;

    /// <summary>
    /// Per connection: commits in WAL without an fsync each (a crash of the process loses nothing; a power cut may lose
    /// the last commits, never corrupt the file), a writer that finds the file locked waits inside SQLite with short
    /// back-offs instead of Microsoft.Data.Sqlite's 150 ms sleeps, and commits leave checkpoints to the background.
    /// </summary>
    public static readonly string ConnectionPragmas =
        $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";

    /// <summary>A connection to read with (pooled), once the file is created or migrated.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return Connect(connectionString); // Microsoft.Data.Sqlite's async open and commands run synchronously anyway
    }

    /// <summary>
    /// Opens a connection with <see cref="ConnectionPragmas"/> (synchronous, the busy timeout and the checkpoint threshold
    /// are per connection; WAL is set by the schema); closed again if they fail.
    /// </summary>
    public static SqliteConnection Connect(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A write transaction of the file's writer (<see cref="SqliteWriters"/>): no wait at SQLite's lock.</summary>
    public async Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken); // migrations run before the gate is taken
        return await _writer.BeginAsync(cancellationToken);
    }

    /// <summary>Runs one statement in a write transaction of its own (<see cref="BeginWriteAsync"/>): the rows it changed.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        var changed = await write.ExecuteAsync(sql, cancellationToken, parameters);
        await write.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_ready) return;
            await SchemaMigrations.MigrateSqliteAsync(Path, scripts, logger ?? NullLogger.Instance, cancellationToken);
            _ready = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
