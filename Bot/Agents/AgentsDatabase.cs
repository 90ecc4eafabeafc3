using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents;

/// <summary>
/// The agents' and school's tables (directory, transcript, audit log, roster, settings) in the app data folder's
/// SQLite file, beside the bot state (<c>Storage:Provider</c> Sqlite; with Postgres the stores' PostgreSQL twins are used). The schema is migrated on first use (<see cref="Storage.Migrations.SchemaMigrations.Sqlite"/>).
/// </summary>
public sealed class AgentsDatabase
{
    private readonly SqliteFile file;

    public AgentsDatabase(string databasePath, SqliteWriters? writers = null) =>
        file = new SqliteFile(databasePath, Storage.Migrations.SchemaMigrations.Sqlite, writers: writers);

    public string DatabasePath => file.Path;

    public static AgentsDatabase For(IServiceProvider services) =>
        new(StorageServiceCollectionExtensions.SqlitePath(services), services.GetRequiredService<SqliteWriters>());

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>A write transaction taken behind the file's write gate (shared with the bot state and the outbox).</summary>
    public Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken) => file.BeginWriteAsync(cancellationToken);

    /// <summary>Runs one statement in a write transaction of its own, behind the file's write gate: the rows it changed.</summary>
    public Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        file.WriteAsync(sql, cancellationToken, parameters);

    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(object? value) =>
        value is string text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}
