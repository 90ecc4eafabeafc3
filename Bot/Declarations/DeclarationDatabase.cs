using VssBot.Bot.Privacy;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations;

/// <summary>
/// The declaration tables (the outbox and the embedded registry) in the same SQLite file as the bot state
/// (<c>Storage:Sqlite:Path</c>), created on start. Personal data lives in exactly one column per table,
/// <c>content_json</c>, written and read only through <see cref="WriteContent"/> / <see cref="ReadContent"/>:
/// that pair is where encryption at rest plugs in.
/// </summary>
public sealed class DeclarationDatabase
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteFile file;
    private readonly IPersonalDataProtector protector;

    public DeclarationDatabase(IOptions<StorageOptions> storage, IHostEnvironment environment, IPersonalDataProtector protector)
        : this(Path.Combine(environment.ContentRootPath, storage.Value.Sqlite.Path), protector) { }

    public DeclarationDatabase(string databasePath, IPersonalDataProtector protector)
    {
        file = new SqliteFile(databasePath, Schema);
        this.protector = protector;
    }

    public string DatabasePath => file.Path;

    /// <summary>Timestamps as fixed-width UTC text, so that text order is time order in queries.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The one place declaration content (personal data) is turned into a column value.</summary>
    /// Encrypted with the same key as the bot state, bound to the table so a value cannot be moved between tables.
    public string WriteContent(DeclarationContent content, string table) => protector.Protect(JsonSerializer.Serialize(content, Json), table);

    /// <summary>The one place a <c>content_json</c> column value is turned back into declaration content.</summary>
    public DeclarationContent ReadContent(string column, string table) =>
        JsonSerializer.Deserialize<DeclarationContent>(protector.Unprotect(column, table), Json) ?? throw new InvalidDataException("Empty declaration content.");

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>Creates the folder, the file and both tables when missing. Safe to call more than once.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => file.EnsureCreatedAsync(cancellationToken);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS declaration_outbox (
            idempotency_key   TEXT PRIMARY KEY NOT NULL,
            receipt_number    TEXT NOT NULL UNIQUE,
            student_key       TEXT NOT NULL,
            conversation_json TEXT NOT NULL,
            content_json      TEXT NOT NULL,
            status            TEXT NOT NULL,
            attempts          INTEGER NOT NULL DEFAULT 0,
            next_attempt_at   TEXT NOT NULL,
            last_error        TEXT NULL,
            recorded_at       TEXT NOT NULL,
            sent_at           TEXT NULL,
            registry_id       TEXT NULL,
            journey           TEXT NULL,
            notification      TEXT NULL,
            follow_up_done    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS declaration_outbox_due ON declaration_outbox (status, next_attempt_at);
        CREATE TABLE IF NOT EXISTS registry_declarations (
            id                TEXT PRIMARY KEY NOT NULL,
            idempotency_key   TEXT NOT NULL UNIQUE,
            receipt_number    TEXT NOT NULL,
            student_id        TEXT NOT NULL,
            status            TEXT NOT NULL,
            status_reason     TEXT NULL,
            submitted_at      TEXT NOT NULL,
            status_changed_at TEXT NOT NULL,
            content_json      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS registry_declarations_student ON registry_declarations (student_id, submitted_at);
        CREATE INDEX IF NOT EXISTS registry_declarations_status ON registry_declarations (status, submitted_at);
        """;
}

/// <summary>Small ADO.NET helpers shared by the outbox and the registry.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
