using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents;

/// <summary>
/// The agents' and school's tables (directory, transcript, audit log, roster, settings) in the app data folder's
/// SQLite database, beside the bot state. The schema is created on first use.
/// </summary>
public sealed class AgentsDatabase
{
    private readonly SqliteFile file;

    public AgentsDatabase(string databasePath) => file = new SqliteFile(databasePath, Schema);

    public string DatabasePath => file.Path;

    public static AgentsDatabase For(IServiceProvider services) => new(StorageServiceCollectionExtensions.SqlitePath(services));

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS student_directory (
            student_key     TEXT PRIMARY KEY NOT NULL,
            channel_id      TEXT NOT NULL,
            reference       TEXT NOT NULL,
            last_activity   TEXT NOT NULL,
            journey_state   TEXT NOT NULL,
            escalation      TEXT NULL,
            question_key    TEXT NULL,
            waiting_since   TEXT NULL,
            resolved_at     TEXT NULL,
            held_by         TEXT NULL,
            held_since      TEXT NULL,
            roster_id       TEXT NULL,
            next_field      TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS transcript (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            student_key TEXT NOT NULL,
            at          TEXT NOT NULL,
            sender      TEXT NOT NULL,
            text        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS transcript_student ON transcript (student_key, id);
        CREATE TABLE IF NOT EXISTS audit_log (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            user_name   TEXT NOT NULL,
            student_key TEXT NOT NULL,
            action      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS roster (
            student_id  TEXT PRIMARY KEY NOT NULL,
            full_name   TEXT NOT NULL,
            class_name  TEXT NOT NULL,
            faculty     TEXT NOT NULL,
            teacher     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS settings (
            name  TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        """;

    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(object? value) =>
        value is string text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}

internal static class SqliteCommandExtensions
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand Sql(this SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
