using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace VssBot.Bot.Storage;

/// <summary>
/// One async gate per SQLite file for this process's writers (bot state, transcript, directory, outbox…). SQLite lets
/// one connection write at a time; without the gate, the writers' connections meet at the file lock, where SQLite's
/// busy handler parks the thread (a thread-pool thread) in sleeps of 1–100 ms. Behind the gate a waiting write holds no
/// thread and no lock, and takes the file as soon as the previous write commits (issue 12). Other processes, and
/// writers that do not take the gate, are still serialised by SQLite itself (busy timeout).
/// </summary>
public sealed class SqliteWriteGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the file at <paramref name="databasePath"/> (by full path).</summary>
    public SemaphoreSlim For(string databasePath) => gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SemaphoreSlim(1, 1));

    /// <summary>The files (full paths) whose writers have a gate here: this process's SQLite files (<see cref="SqliteCheckpoints"/>).</summary>
    public IReadOnlyList<string> Files => [.. gates.Keys];
}

/// <summary>
/// A write transaction (BEGIN IMMEDIATE) on its own connection, taken behind the file's <see cref="SqliteWriteGates"/>
/// gate; disposing it rolls back what was not committed, closes the connection and lets the next writer in.
/// </summary>
public sealed class SqliteWrite : IAsyncDisposable
{
    private readonly SemaphoreSlim gate;

    private SqliteWrite(SemaphoreSlim gate, SqliteConnection connection, SqliteTransaction transaction) =>
        (this.gate, Connection, Transaction) = (gate, connection, transaction);

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; }

    /// <summary>A command in this transaction, with its parameters (null as SQL NULL).</summary>
    public SqliteCommand Sql(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.Command(sql, parameters);
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>Runs one statement in this transaction: the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    internal static async Task<SqliteWrite> BeginAsync(SemaphoreSlim gate, Func<CancellationToken, Task<SqliteConnection>> open, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = await open(cancellationToken);
            return new SqliteWrite(gate, connection, connection.BeginTransaction()); // BEGIN IMMEDIATE
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            gate.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
