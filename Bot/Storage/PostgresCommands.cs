using Npgsql;

namespace VssBot.Bot.Storage;

/// <summary>Small ADO.NET helpers for the PostgreSQL stores (named parameters, nulls, UTC timestamps).</summary>
public static class PostgresCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            // timestamptz takes UTC offsets only.
            command.Parameters.AddWithValue(name, value switch { null => DBNull.Value, DateTimeOffset at => at.ToUniversalTime(), _ => value });
        return command;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
