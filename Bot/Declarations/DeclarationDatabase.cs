using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations;

/// <summary>
/// The declaration tables (the outbox and the embedded registry) in the same SQLite file as the bot state
/// (<c>Storage:Sqlite:Path</c>), migrated on start (<see cref="Storage.Migrations.SchemaMigrations.Sqlite"/>).
/// Personal data lives in exactly one column per table, <c>content_json</c>, written and read only through
/// <see cref="DeclarationContentCipher"/>.
/// </summary>
public sealed class DeclarationDatabase
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteFile file;

    public DeclarationDatabase(IOptions<StorageOptions> storage, IHostEnvironment environment, SqliteWriters writers)
        : this(Path.Combine(environment.ContentRootPath, storage.Value.Sqlite.Path), writers) { }

    public DeclarationDatabase(string databasePath, SqliteWriters? writers = null) =>
        file = new SqliteFile(databasePath, Storage.Migrations.SchemaMigrations.Sqlite, writers: writers);

    public string DatabasePath => file.Path;

    /// <summary>Timestamps as fixed-width UTC text, so that text order is time order in queries.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>A write transaction taken behind the file's write gate (shared with the bot state and the console's tables).</summary>
    public Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken) => file.BeginWriteAsync(cancellationToken);

    /// <summary>One statement in its own write transaction behind the gate: the number of rows it changed.</summary>
    public Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        file.WriteAsync(sql, cancellationToken, parameters);

    /// <summary>Creates or migrates the file's schema. Safe to call more than once.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => file.EnsureCreatedAsync(cancellationToken);
}
