using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Zalo.Api;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// The OA's current access token, refreshed with the refresh token when Zalo reports it invalid (-216). One
/// refresh at a time: turns that failed with the same old token wait for it and use the new one. New tokens are
/// kept in memory and in <see cref="IStorage"/> (the SQLite file by default). Tokens are secrets: never logged.
/// </summary>
public sealed class ZaloTokenStore(IStorage storage, IOptions<ZaloOptions> options, IZaloOAuthApi oauth, TimeProvider clock, ILogger<ZaloTokenStore> logger)
{
    public const string StorageKey = "channels/zalo/oa-tokens";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile ZaloTokens? current;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).AccessToken;

    /// <summary>
    /// Replaces <paramref name="rejectedAccessToken"/> with a fresh one. True when a usable new token is there
    /// (refreshed now, or already by another turn); false when the refresh failed (logged).
    /// </summary>
    public async Task<bool> RefreshAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = await LoadAsync(cancellationToken);
            if (tokens.AccessToken != rejectedAccessToken)
                return true;
            if (string.IsNullOrEmpty(tokens.RefreshToken))
            {
                logger.LogError("The Zalo access token was refused and no refresh token is configured (Zalo:RefreshToken)");
                return false;
            }

            var response = await oauth.RefreshAccessTokenAsync(new Dictionary<string, string>
            {
                ["refresh_token"] = tokens.RefreshToken,
                ["app_id"] = options.Value.AppId ?? "",
                ["grant_type"] = "refresh_token",
            }, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content is not { AccessToken.Length: > 0, RefreshToken.Length: > 0 } fresh)
            {
                logger.LogError("Refreshing the Zalo access token failed: HTTP {Status}, Zalo error {Error} {ErrorName}",
                    (int?)response.StatusCode, response.Content?.Error, response.Content?.ErrorName);
                return false;
            }

            current = new ZaloTokens { AccessToken = fresh.AccessToken, RefreshToken = fresh.RefreshToken, RefreshedAt = clock.GetUtcNow(), SeededBy = tokens.SeededBy };
            await storage.WriteAsync(new Dictionary<string, object> { [StorageKey] = current }, cancellationToken);
            logger.LogInformation("The Zalo access token was refreshed (valid {Seconds} s)", fresh.ExpiresIn);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ZaloTokens> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is { } known)
            return known;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await LoadAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Under the gate: the stored tokens if they descend from the configured refresh token, else the configured ones.</summary>
    private async Task<ZaloTokens> LoadAsync(CancellationToken cancellationToken)
    {
        if (current is { } known)
            return known;
        var configured = options.Value;
        var seed = Fingerprint(configured.RefreshToken ?? configured.AccessToken ?? "");
        var stored = await storage.ReadAsync<ZaloTokens>([StorageKey], cancellationToken);
        current = stored.TryGetValue(StorageKey, out var kept) && kept.SeededBy == seed
            ? kept
            : new ZaloTokens { AccessToken = configured.AccessToken ?? "", RefreshToken = configured.RefreshToken ?? "", SeededBy = seed };
        return current;
    }

    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
}
