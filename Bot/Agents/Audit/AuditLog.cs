namespace VssBot.Bot.Agents.Audit;

/// <summary>One view or change of a student's personal data: who, when, which student, what.</summary>
public sealed record AuditEntry(DateTimeOffset At, string UserName, string StudentKey, string Action);

/// <summary>
/// Every view of a student's personal data by a signed-in person (Decree 13/2023: who processed what and when).
/// Actions are short fixed words ("detail", "reveal:idDocument", "correct:phone"), never the data itself.
/// </summary>
public sealed class AuditLog(AgentsDatabase database, TimeProvider clock)
{
    public async Task WriteAsync(string userName, IEnumerable<string> studentKeys, string action, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var at = AgentsDatabase.Timestamp(clock.GetUtcNow());
        foreach (var key in studentKeys)
        {
            await using var command = connection.Sql("INSERT INTO audit_log (at, user_name, student_key, action) VALUES ($at, $user, $key, $action)")
                .With("$at", at).With("$user", userName).With("$key", key).With("$action", action);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task WriteAsync(string userName, string studentKey, string action, CancellationToken cancellationToken) =>
        WriteAsync(userName, [studentKey], action, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, string? studentKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("""
            SELECT at, user_name, student_key, action FROM audit_log
            WHERE $key IS NULL OR student_key = $key ORDER BY id DESC LIMIT $count
            """).With("$key", studentKey).With("$count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new AuditEntry(AgentsDatabase.ParseTimestamp(reader.GetString(0))!.Value, reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return entries;
    }
}
