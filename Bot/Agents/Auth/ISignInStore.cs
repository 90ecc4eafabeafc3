namespace VssBot.Bot.Agents.Auth;

/// <summary>
/// What <see cref="AgentSessions"/> remembers per account: the sign-out generation (part of every cookie's stamp) and the
/// run of failed sign-ins with its lockout. In the SQLite file (one instance) or in PostgreSQL, where every replica sees a
/// sign-out or a failure made on another. Account names are given in lower case.
/// </summary>
public interface ISignInStore
{
    /// <summary>How many times the account signed out (0 when never).</summary>
    Task<long> GenerationAsync(string account, CancellationToken cancellationToken);

    /// <summary>Moves the generation on: every cookie stamped with the previous one stops working.</summary>
    Task SignOutAsync(string account, CancellationToken cancellationToken);

    /// <summary>Until when the account is locked (null or past when it is not).</summary>
    Task<DateTimeOffset?> LockedUntilAsync(string account, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one failure, atomically with the failures counted by other replicas at the same time: the
    /// <paramref name="failuresBeforeLockout"/>-th in a row locks the account until <paramref name="now"/> plus
    /// <paramref name="lockoutFor"/>(number of earlier lockouts) and starts a new run.
    /// </summary>
    Task RecordFailureAsync(string account, int failuresBeforeLockout, Func<int, TimeSpan> lockoutFor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A successful sign-in: the failures and earlier lockouts are forgotten.</summary>
    Task ClearFailuresAsync(string account, CancellationToken cancellationToken);
}

/// <summary>A run of failures as stored, and what the next failure makes of it (the same rule on every store).</summary>
internal readonly record struct FailureRun(int Failures, int Lockouts, DateTimeOffset? LockedUntil)
{
    public FailureRun Next(int failuresBeforeLockout, Func<int, TimeSpan> lockoutFor, DateTimeOffset now) =>
        Failures + 1 < failuresBeforeLockout
            ? this with { Failures = Failures + 1 }
            : new FailureRun(0, Lockouts + 1, now + lockoutFor(Lockouts));
}
