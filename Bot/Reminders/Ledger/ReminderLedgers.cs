using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Reminders.Ledger;

/// <summary>The ledger in memory (Storage:Provider = Memory).</summary>
public sealed class MemoryReminderLedger : IReminderLedger
{
    private sealed record Entry(string? Route, string? Reasons, DateTimeOffset FirstAt, DateTimeOffset LastAt, int Attempts);

    private readonly ConcurrentDictionary<(string, string), Entry> entries = new();

    public Task RecordDeliveredAsync(string studentKey, string reminderId, string route, DateTimeOffset at, CancellationToken cancellationToken)
    {
        entries.AddOrUpdate((studentKey, reminderId), new Entry(route, null, at, at, 1), (_, e) => e with { Route = route, Reasons = null, LastAt = at, Attempts = e.Attempts + 1 });
        return Task.CompletedTask;
    }

    public Task RecordUndeliverableAsync(string studentKey, string reminderId, string reasons, DateTimeOffset at, CancellationToken cancellationToken)
    {
        entries.AddOrUpdate((studentKey, reminderId), new Entry(null, reasons, at, at, 1),
            (_, e) => e.Route is not null ? e : e with { Reasons = reasons, LastAt = at, Attempts = e.Attempts + 1 });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UndeliverableReminder>> UndeliverableAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UndeliverableReminder>>(entries.Where(e => e.Value.Route is null)
            .Select(e => new UndeliverableReminder(e.Key.Item1, e.Key.Item2, e.Value.Reasons ?? "", e.Value.FirstAt, e.Value.LastAt, e.Value.Attempts))
            .OrderBy(u => u.FirstAt).ToList());

    public Task<string?> DeliveredByAsync(string studentKey, string reminderId, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue((studentKey, reminderId), out var e) ? e.Route : null);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(entries.Where(e => e.Value.LastAt < cutoff).Count(e => entries.TryRemove(e)));
}

/// <summary>The ledger in the bot's SQLite file; its table comes from the schema migrations.</summary>
public sealed class SqliteReminderLedger(SqliteChannelsDatabase file) : IReminderLedger
{
    public async Task RecordDeliveredAsync(string studentKey, string reminderId, string route, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await file.WriteAsync("""
            INSERT INTO reminder_deliveries (student_key, reminder_id, route, reasons, first_at, last_at, attempts) VALUES ($key, $id, $route, NULL, $at, $at, 1)
            ON CONFLICT (student_key, reminder_id) DO UPDATE SET route = excluded.route, reasons = NULL, last_at = excluded.last_at, attempts = attempts + 1
            """, cancellationToken, ("$key", studentKey), ("$id", reminderId), ("$route", route), ("$at", SqliteChannelsDatabase.Timestamp(at)));
    }

    public async Task RecordUndeliverableAsync(string studentKey, string reminderId, string reasons, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await file.WriteAsync("""
            INSERT INTO reminder_deliveries (student_key, reminder_id, route, reasons, first_at, last_at, attempts) VALUES ($key, $id, NULL, $reasons, $at, $at, 1)
            ON CONFLICT (student_key, reminder_id) DO UPDATE SET reasons = excluded.reasons, last_at = excluded.last_at, attempts = attempts + 1
            WHERE reminder_deliveries.route IS NULL
            """, cancellationToken, ("$key", studentKey), ("$id", reminderId), ("$reasons", reasons), ("$at", SqliteChannelsDatabase.Timestamp(at)));
    }

    public async Task<IReadOnlyList<UndeliverableReminder>> UndeliverableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT student_key, reminder_id, reasons, first_at, last_at, attempts FROM reminder_deliveries WHERE route IS NULL ORDER BY first_at";
        var list = new List<UndeliverableReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new UndeliverableReminder(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                SqliteChannelsDatabase.ParseTimestamp(reader.GetString(3)), SqliteChannelsDatabase.ParseTimestamp(reader.GetString(4)), reader.GetInt32(5)));
        return list;
    }

    public async Task<string?> DeliveredByAsync(string studentKey, string reminderId, CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT route FROM reminder_deliveries WHERE student_key = $key AND reminder_id = $id";
        command.Parameters.AddWithValue("$key", studentKey);
        command.Parameters.AddWithValue("$id", reminderId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        return await file.WriteAsync("DELETE FROM reminder_deliveries WHERE last_at < $cutoff",
            cancellationToken, ("$cutoff", SqliteChannelsDatabase.Timestamp(cutoff)));
    }
}

/// <summary>The ledger in PostgreSQL (shared by replicas); its table comes from the schema migrations.</summary>
public sealed class PostgresReminderLedger(PostgresDatabase database) : IReminderLedger
{
    public async Task RecordDeliveredAsync(string studentKey, string reminderId, string route, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO reminder_deliveries (student_key, reminder_id, route, reasons, first_at, last_at, attempts) VALUES (@key, @id, @route, NULL, @at, @at, 1)
            ON CONFLICT (student_key, reminder_id) DO UPDATE SET route = excluded.route, reasons = NULL, last_at = excluded.last_at, attempts = reminder_deliveries.attempts + 1
            """, ("key", studentKey), ("id", reminderId), ("route", route), ("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordUndeliverableAsync(string studentKey, string reminderId, string reasons, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO reminder_deliveries (student_key, reminder_id, route, reasons, first_at, last_at, attempts) VALUES (@key, @id, NULL, @reasons, @at, @at, 1)
            ON CONFLICT (student_key, reminder_id) DO UPDATE SET reasons = excluded.reasons, last_at = excluded.last_at, attempts = reminder_deliveries.attempts + 1
            WHERE reminder_deliveries.route IS NULL
            """, ("key", studentKey), ("id", reminderId), ("reasons", reasons), ("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UndeliverableReminder>> UndeliverableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT student_key, reminder_id, reasons, first_at, last_at, attempts FROM reminder_deliveries WHERE route IS NULL ORDER BY first_at");
        var list = new List<UndeliverableReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new UndeliverableReminder(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5)));
        return list;
    }

    public async Task<string?> DeliveredByAsync(string studentKey, string reminderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT route FROM reminder_deliveries WHERE student_key = @key AND reminder_id = @id", ("key", studentKey), ("id", reminderId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM reminder_deliveries WHERE last_at < @cutoff", ("cutoff", cutoff.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
