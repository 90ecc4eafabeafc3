using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VssBot.Bot.Storage;

/// <summary>
/// One statement prepared once on a Microsoft.Data.Sqlite connection and run through SQLite's own API, for the writes
/// every turn makes (its state; the console's directory and transcript): a text parameter is bound straight from UTF-8
/// bytes (encrypted text) or from a string's own characters, where <see cref="SqliteCommand"/> copies every string to
/// UTF-8 and allocates a binder per parameter per run, and a data reader, a record and a task per query (issue 12).
/// It runs inside whatever transaction the connection has open. Not thread-safe: one writer uses it at a time.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly Dictionary<string, int> parameters = new(StringComparer.Ordinal);

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
            parameters[raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()] = i;
    }

    /// <summary>Binds a string (SQLite copies its UTF-16 characters and stores them as the file's UTF-8), or NULL.</summary>
    public SqliteStatement Bind(string name, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(statement, Index(name)) : raw.sqlite3_bind_text16(statement, Index(name), value.AsSpan()));
        return this;
    }

    /// <summary>Binds text given as UTF-8 bytes (SQLite copies them).</summary>
    public SqliteStatement BindUtf8(string name, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_text(statement, Index(name), value));
        return this;
    }

    public SqliteStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, Index(name), value));
        return this;
    }

    /// <summary>Runs the statement to its end and returns the rows it changed; the bindings are cleared for the next run.</summary>
    public int ExecuteNonQuery()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }
            if (rc != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, database);
            return raw.sqlite3_changes(database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>
    /// Runs a query and returns its first row's columns as text (null for NULL), or null when it has no row; the
    /// bindings are cleared for the next run.
    /// </summary>
    public string?[]? FirstRow()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE)
                return null;
            if (rc != raw.SQLITE_ROW)
                SqliteException.ThrowExceptionForRC(rc, database);
            var row = new string?[raw.sqlite3_column_count(statement)];
            for (var i = 0; i < row.Length; i++)
                row[i] = raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, i).utf8_to_string();
            return row;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private int Index(string name) =>
        parameters.TryGetValue(name, out var index) ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, database);
    }
}
