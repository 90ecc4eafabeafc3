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

    public DeclarationDatabase(IOptions<StorageOptions> storage, IHostEnvironment environment, SqliteWriteGates gates)
        : this(Path.Combine(environment.ContentRootPath, storage.Value.Sqlite.Path), gates) { }

    public DeclarationDatabase(string databasePath, SqliteWriteGates? gates = null) =>
        file = new SqliteFile(databasePath, Storage.Migrations.SchemaMigrations.Sqlite, gates: gates);

    public string DatabasePath => file.Path;

    /// <summary>Timestamps as fixed-width UTC text, so that text order is time order in queries.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>A write transaction taken behind the file's write gate (shared with the bot state and the console's tables).</summary>
    public Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken) => file.BeginWriteAsync(cancellationToken);

    /// <summary>One statement in its own write transaction behind the gate: the number of rows it changed.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        var changed = await write.ExecuteAsync(sql, cancellationToken, parameters);
        await write.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Creates or migrates the file's schema. Safe to call more than once.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => file.EnsureCreatedAsync(cancellationToken);
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
}
