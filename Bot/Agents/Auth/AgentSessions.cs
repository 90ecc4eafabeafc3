using System.Collections.Concurrent;
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
/// Kept in memory (one replica; a restart signs everyone out).
/// </summary>
public sealed class AgentSessions(AgentAccounts accounts, TimeProvider time)
{
    public const string StampClaim = "vssbot.stamp";
    private const int FailuresBeforeLockout = 5;
    private static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, int> generations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Failures(int Count, int Lockouts, DateTimeOffset LockedUntil);

    public string StampOf(AgentUser user) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{user.UserName}\n{user.Role}\n{user.PasswordHash}\n{generations.GetValueOrDefault(user.UserName)}")));

    /// <summary>Every cookie of this account stops working.</summary>
    public void SignedOut(string userName) => generations.AddOrUpdate(userName, 1, (_, g) => g + 1);

    /// <summary>The account for these credentials, or null; a locked account is refused without checking the password.</summary>
    public AgentUser? Verify(string? userName, string? password)
    {
        var name = userName?.Trim() ?? "";
        if (failures.TryGetValue(name, out var f) && f.LockedUntil > time.GetUtcNow())
            return null;
        var user = accounts.Verify(userName, password);
        if (user is not null)
        {
            failures.TryRemove(name, out _);
            return user;
        }
        if (name.Length > 0 && accounts.Find(name) is not null)
            failures.AddOrUpdate(name, _ => new Failures(1, 0, DateTimeOffset.MinValue), (_, old) =>
            {
                if (old.Count + 1 < FailuresBeforeLockout) return old with { Count = old.Count + 1 };
                var lockout = TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(old.Lockouts, 10)));
                return new Failures(0, old.Lockouts + 1, time.GetUtcNow() + lockout);
            });
        return null;
    }

    /// <summary>Cookie validation: the stamp must still be the account's (and the account must still exist).</summary>
    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        if (name is null || stamp is null || accounts.Find(name) is not { } user
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(StampOf(user)))
            || user.Role != context.Principal!.FindFirstValue(ClaimTypes.Role))
            context.RejectPrincipal();
        return Task.CompletedTask;
    }
}
