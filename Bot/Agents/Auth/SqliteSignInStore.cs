using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Auth;

/// <summary>Sign-out generations and sign-in failures in the bot's SQLite file (one instance; kept across restarts).</summary>
public sealed class SqliteSignInStore(AgentsDatabase database) : ISignInStore
{
    public async Task<long> GenerationAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT generation FROM agent_sign_ins WHERE account = $account", ("$account", account));
        return await command.ExecuteScalarAsync(cancellationToken) is long generation ? generation : 0;
    }

    public Task SignOutAsync(string account, CancellationToken cancellationToken) =>
        database.WriteAsync("""
            INSERT INTO agent_sign_ins (account, generation) VALUES ($account, 1)
            ON CONFLICT (account) DO UPDATE SET generation = generation + 1
            """, cancellationToken, ("$account", account));

    public async Task<DateTimeOffset?> LockedUntilAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT locked_until FROM agent_sign_ins WHERE account = $account", ("$account", account));
        return AgentsDatabase.ParseTimestamp(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task RecordFailureAsync(string account, int failuresBeforeLockout, Func<int, TimeSpan> lockoutFor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE behind the file's write gate: the read and the write of a run are one step for every writer of the file.
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var run = new FailureRun(0, 0, null);
        await using (var read = write.Sql("SELECT failures, lockouts, locked_until FROM agent_sign_ins WHERE account = $account", ("$account", account)))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                run = new FailureRun(reader.GetInt32(0), reader.GetInt32(1), AgentsDatabase.ParseTimestamp(reader.GetValue(2)));
        }
        var next = run.Next(failuresBeforeLockout, lockoutFor, now);
        await write.ExecuteAsync("""
            INSERT INTO agent_sign_ins (account, failures, lockouts, locked_until) VALUES ($account, $failures, $lockouts, $until)
            ON CONFLICT (account) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until
            """, cancellationToken, ("$account", account), ("$failures", next.Failures), ("$lockouts", next.Lockouts),
            ("$until", next.LockedUntil is { } until ? AgentsDatabase.Timestamp(until) : null));
        await write.CommitAsync(cancellationToken);
    }

    public Task ClearFailuresAsync(string account, CancellationToken cancellationToken) =>
        database.WriteAsync("UPDATE agent_sign_ins SET failures = 0, lockouts = 0, locked_until = NULL WHERE account = $account", cancellationToken,
            ("$account", account));
}
