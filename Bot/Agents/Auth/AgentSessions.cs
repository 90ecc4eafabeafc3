using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace VssBot.Bot.Agents.Auth;

/// <summary>
/// Security stamps and sign-in throttling for agent accounts (issue 10, row 6). A cookie carries the stamp of its account
/// at sign-in: a hash of the account's role and password hash and of its sign-out generation. Signing out, changing the
/// role or the password changes the stamp, so a copied cookie stops working at its next request. Wrong passwords lock the
/// account with back-off (5 failures: 1 minute, doubling up to 30 minutes); the per-address limit is a rate limiter policy.
/// Generations and failures live in the <see cref="ISignInStore"/>: with PostgreSQL a sign-out or a failure on one replica
/// counts on all of them, and a restart signs nobody back in.
/// </summary>
public sealed class AgentSessions(AgentAccounts accounts, ISignInStore store, TimeProvider time)
{
    public const string StampClaim = "vssbot.stamp";
    private const int FailuresBeforeLockout = 5;
    private static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(30);

    public async Task<string> StampOfAsync(AgentUser user, CancellationToken cancellationToken)
    {
        var generation = await store.GenerationAsync(Account(user.UserName), cancellationToken);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.UserName}\n{user.Role}\n{user.PasswordHash}\n{generation}")));
    }

    /// <summary>Every cookie of this account stops working, on every replica.</summary>
    public Task SignedOutAsync(string userName, CancellationToken cancellationToken) => store.SignOutAsync(Account(userName), cancellationToken);

    /// <summary>The account for these credentials, or null; a locked account is refused without checking the password.</summary>
    public async Task<AgentUser?> VerifyAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var name = userName?.Trim() ?? "";
        var known = name.Length > 0 && accounts.Find(name) is not null;
        if (known && await store.LockedUntilAsync(Account(name), cancellationToken) is { } until && until > time.GetUtcNow())
            return null;
        var user = accounts.Verify(userName, password);
        if (user is not null)
        {
            await store.ClearFailuresAsync(Account(name), cancellationToken);
            return user;
        }
        if (known) // unknown names are not stored: nobody fills the table by guessing names
            await store.RecordFailureAsync(Account(name), FailuresBeforeLockout, LockoutAfter, time.GetUtcNow(), cancellationToken);
        return null;
    }

    /// <summary>Cookie validation: the stamp must still be the account's (and the account must still exist).</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        if (name is null || stamp is null || accounts.Find(name) is not { } user || user.Role != context.Principal!.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            return;
        }
        var current = await StampOfAsync(user, context.HttpContext.RequestAborted);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current)))
            context.RejectPrincipal();
    }

    /// <summary>1 minute after the first run of failures, doubling with each lockout, 30 minutes at most.</summary>
    private static TimeSpan LockoutAfter(int earlierLockouts) =>
        TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(earlierLockouts, 10)));

    /// <summary>Account names are compared ignoring case.</summary>
    private static string Account(string userName) => userName.Trim().ToLowerInvariant();
}
