using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VssBot.Bot.Storage;

/// <summary>
/// The one writer of each SQLite file this process writes (bot state, transcript, directory, outbox…): an async gate
/// and one long-lived connection behind it. SQLite lets one connection write at a time; without the gate, the writers'
/// connections met at the file lock, where SQLite's busy handler parks the thread (a thread-pool thread) in sleeps of
/// 1–100 ms. Behind the gate a waiting write holds no thread and no lock, and takes the file as soon as the previous
/// write commits (issue 12). One connection for all of them, because in WAL mode a commit on another connection throws
/// away a connection's page cache: each write then read its pages again (a system call each). Other processes, and
/// writers that do not take the gate, are still serialised by SQLite itself (busy timeout).
/// </summary>
public sealed class SqliteWriters : IDisposable
{
    private readonly ConcurrentDictionary<string, SqliteWriter> writers = new(StringComparer.Ordinal);

    /// <summary>The writer of the file at <paramref name="databasePath"/> (by full path).</summary>
    public SqliteWriter For(string databasePath) => writers.GetOrAdd(Path.GetFullPath(databasePath), path => new SqliteWriter(path));

    /// <summary>The files (full paths) that have a writer here: this process's SQLite files (<see cref="SqliteCheckpoints"/>).</summary>
    public IReadOnlyList<string> Files => [.. writers.Keys];

    /// <summary>
    /// Closes the writers' connections (each after the write it is running, if any). A write that still comes, from a
    /// background service finishing its work as the host stops, opens its file's connection again: it is not lost.
    /// </summary>
    public void Dispose()
    {
        foreach (var writer in writers.Values)
            writer.Dispose();
    }
}

/// <summary>
/// One file's writer (<see cref="SqliteWriters"/>): one write transaction at a time, on one connection opened at the
/// first write and kept, with the statements prepared on it (<see cref="SqliteWrite.Statement"/>). A write that leaves
/// the connection in doubt (a rollback that failed) closes it; the next write opens a fresh one.
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly string connectionString;
    private readonly Dictionary<string, SqliteStatement> statements = new(StringComparer.Ordinal);
    private SqliteConnection? connection;

    internal SqliteWriter(string path) => connectionString = SqliteFile.ConnectionStringFor(path);

    /// <summary>The connection the writes run on now: none before the first write or after one left it in doubt (tests).</summary>
    internal SqliteConnection? Connection => connection;

    /// <summary>The gate one write at a time goes through (tests hold it to see a write wait).</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>
    /// Waits for the gate, then begins a write transaction (BEGIN IMMEDIATE) on the file's connection. The caller must
    /// have created or migrated the file first: the connection is opened on it.
    /// </summary>
    public async Task<SqliteWrite> BeginAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= SqliteFile.Connect(connectionString);
            return new SqliteWrite(this, connection, connection.BeginTransaction());
        }
        catch
        {
            Close(); // a connection that could not begin is not reused
            Gate.Release();
            throw;
        }
    }

    /// <summary>A statement prepared once on the current connection (closed with it).</summary>
    internal SqliteStatement Statement(SqliteConnection on, string sql)
    {
        if (!ReferenceEquals(on, connection))
            throw new InvalidOperationException("The write has ended.");
        if (!statements.TryGetValue(sql, out var statement))
            statements[sql] = statement = new SqliteStatement(on, sql);
        return statement;
    }

    /// <summary>Ends a write: what it did not commit is rolled back; the gate lets the next write in.</summary>
    internal async ValueTask EndAsync(SqliteTransaction transaction)
    {
        try
        {
            try
            {
                await transaction.DisposeAsync(); // rolls back what was not committed
                if (connection?.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0)
                    Close(); // still in a transaction: not reused
            }
            catch (SqliteException)
            {
                Close();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Closes the connection after the write running now, if any (<see cref="SqliteWriters.Dispose"/>).</summary>
    public void Dispose()
    {
        Gate.Wait();
        try
        {
            Close();
        }
        finally
        {
            Gate.Release();
        }
    }

    private void Close()
    {
        foreach (var statement in statements.Values)
            statement.Dispose();
        statements.Clear();
        connection?.Dispose();
        connection = null;
    }
}

/// <summary>
/// A write transaction on the file's connection, taken through its <see cref="SqliteWriter"/>; disposing it rolls back
/// what was not committed and lets the next writer in.
/// </summary>
public sealed class SqliteWrite : IAsyncDisposable
{
    private readonly SqliteWriter writer;
    private bool ended;

    internal SqliteWrite(SqliteWriter writer, SqliteConnection connection, SqliteTransaction transaction) =>
        (this.writer, Connection, Transaction) = (writer, connection, transaction);

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; }

    /// <summary>A command in this transaction, with its parameters (null as SQL NULL).</summary>
    public SqliteCommand Sql(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.Command(sql, parameters);
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>
    /// <paramref name="sql"/> prepared once for the file's connection and kept for the next writes (the statements every
    /// turn runs), run through SQLite's own API (<see cref="SqliteStatement"/>) in this transaction.
    /// </summary>
    internal SqliteStatement Statement(string sql)
    {
        ObjectDisposedException.ThrowIf(ended, this);
        return writer.Statement(Connection, sql);
    }

    /// <summary>Runs one statement in this transaction: the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        if (ended)
            return ValueTask.CompletedTask;
        ended = true;
        return writer.EndAsync(Transaction);
    }
}
