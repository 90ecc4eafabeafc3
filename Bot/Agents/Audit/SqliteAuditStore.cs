using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Audit;

/// <summary><see cref="IAuditStore"/> in the bot's SQLite file.</summary>
public sealed class SqliteAuditStore(AgentsDatabase database) : IAuditStore
{
    public async Task AppendAsync(DateTimeOffset at, string userName, IReadOnlyList<string> studentKeys, string action, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var key in studentKeys)
            await write.ExecuteAsync("INSERT INTO audit_log (at, user_name, student_key, action) VALUES ($at, $user, $key, $action)", cancellationToken,
                ("$at", AgentsDatabase.Timestamp(at)), ("$user", userName), ("$key", key), ("$action", action));
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> NewestAsync(int count, string? studentKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT at, user_name, student_key, action FROM audit_log
            WHERE $key IS NULL OR student_key = $key ORDER BY id DESC LIMIT $count
            """, ("$key", studentKey), ("$count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new AuditEntry(AgentsDatabase.ParseTimestamp(reader.GetString(0))!.Value, reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return entries;
    }
}
