using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Audit;

/// <summary><see cref="IAuditStore"/> in PostgreSQL, shared by replicas: every replica's views in one log.</summary>
public sealed class PostgresAuditStore(PostgresDatabase database) : IAuditStore
{
    public async Task AppendAsync(DateTimeOffset at, string userName, IReadOnlyList<string> studentKeys, string action, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO audit_log (at, user_name, student_key, action)
            SELECT @at, @user, key, @action FROM unnest(@keys) WITH ORDINALITY AS k(key, n) ORDER BY n
            """, cancellationToken, ("at", at), ("user", userName), ("keys", studentKeys.ToArray()), ("action", action));
    }

    public async Task<IReadOnlyList<AuditEntry>> NewestAsync(int count, string? studentKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(studentKey is null
                ? "SELECT at, user_name, student_key, action FROM audit_log ORDER BY id DESC LIMIT @count"
                : "SELECT at, user_name, student_key, action FROM audit_log WHERE student_key = @key ORDER BY id DESC LIMIT @count",
            ("key", studentKey), ("count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return entries;
    }
}
