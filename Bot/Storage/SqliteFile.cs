using Microsoft.Data.Sqlite;

namespace VssBot.Bot.Storage;

/// <summary>
/// One SQLite file in the app's data folder: on first use the folder, the file (in WAL mode) and its tables are
/// created from <paramref name="schema"/> (idempotent <c>CREATE … IF NOT EXISTS</c> statements); afterwards each
/// operation opens its own connection. A failed creation is tried again on the next use.
/// </summary>
public sealed class SqliteFile(string path, string schema)
{
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _ready;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30, // seconds to wait for a busy database
    }.ToString();

    /// <summary>
    /// Per connection: commits in WAL without an fsync each (a crash of the process loses nothing; a power cut may lose
    /// the last commits, never corrupt the file), and a writer that finds the file locked waits inside SQLite with short
    /// back-offs instead of Microsoft.Data.Sqlite's 150 ms sleeps.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_ready) return;
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_ready) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
