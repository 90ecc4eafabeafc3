using Npgsql;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.Auth;

/// <summary>Sign-out generations and sign-in failures in PostgreSQL, shared by every replica.</summary>
public sealed class PostgresSignInStore(PostgresDatabase database) : ISignInStore
{
    public async Task<long> GenerationAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT generation FROM agent_sign_ins WHERE account = @account", cancellationToken, ("account", account))
            is long generation ? generation : 0;
    }

    public async Task SignOutAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO agent_sign_ins (account, generation) VALUES (@account, 1)
            ON CONFLICT (account) DO UPDATE SET generation = agent_sign_ins.generation + 1
            """, cancellationToken, ("account", account));
    }

    public async Task<DateTimeOffset?> LockedUntilAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT locked_until FROM agent_sign_ins WHERE account = @account", cancellationToken, ("account", account))
            is DateTime until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null;
    }

    public async Task RecordFailureAsync(string account, int failuresBeforeLockout, Func<int, TimeSpan> lockoutFor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row exists, then is locked: failures counted at once on two replicas are counted one after the other.
        await using (var insert = connection.Command("INSERT INTO agent_sign_ins (account) VALUES (@account) ON CONFLICT (account) DO NOTHING", ("account", account)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var read = connection.Command("SELECT failures, lockouts, locked_until FROM agent_sign_ins WHERE account = @account FOR UPDATE", ("account", account));
        read.Transaction = transaction;
        FailureRun run;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            run = new FailureRun(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
        }
        var next = run.Next(failuresBeforeLockout, lockoutFor, now);
        await using var write = connection.Command(
            "UPDATE agent_sign_ins SET failures = @failures, lockouts = @lockouts, locked_until = @until WHERE account = @account",
            ("account", account), ("failures", next.Failures), ("lockouts", next.Lockouts), ("until", next.LockedUntil));
        write.Transaction = transaction;
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ClearFailuresAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE agent_sign_ins SET failures = 0, lockouts = 0, locked_until = NULL WHERE account = @account",
            cancellationToken, ("account", account));
    }
}
