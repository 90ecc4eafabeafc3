using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Channels.Zalo.Api;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// The OA's current access token. Refreshed early (<see cref="ZaloOptions.TokenRefreshAfter"/>, by <see cref="ZaloTokenRefresher"/>)
/// and whenever Zalo reports it invalid or expired (-216, -220, -124). The refresh token is single use: the new pair is
/// written to <see cref="IStorage"/> (the SQLite file or PostgreSQL) before it is used, and the stored pair is re-read
/// before each refresh so a replica that refreshed first is not undone. One refresh at a time per process. A failed
/// refresh is an alert: logged at Error, counted (<c>vssbot.zalo.token_refresh_failures</c>) and reported by the
/// <c>zalo-token</c> health check. Tokens are secrets: never logged.
/// </summary>
public sealed class ZaloTokenStore
{
    public const string StorageKey = "channels/zalo/oa-tokens";
    public const string MeterName = "VssBot.Channels";

    private readonly IStorage storage;
    private readonly IOptions<ZaloOptions> options;
    private readonly IZaloOAuthApi oauth;
    private readonly TimeProvider clock;
    private readonly ILogger<ZaloTokenStore> logger;
    private readonly Counter<long> failures;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile ZaloTokens? current;
    private DateTimeOffset? loadedAt;

    public ZaloTokenStore(IStorage storage, IOptions<ZaloOptions> options, IZaloOAuthApi oauth, TimeProvider clock, ILogger<ZaloTokenStore> logger, IMeterFactory? meters = null)
    {
        this.storage = storage;
        this.options = options;
        this.oauth = oauth;
        this.clock = clock;
        this.logger = logger;
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        failures = meter.CreateCounter<long>("vssbot.zalo.token_refresh_failures", description: "Failed refreshes of the Zalo OA access token");
    }

    /// <summary>The last refresh that failed (reason without secrets), cleared by a successful one.</summary>
    public (DateTimeOffset At, string Reason)? LastFailure { get; private set; }

    /// <summary>When the current access token was obtained (a refresh, or this process's first use of the configured one).</summary>
    public DateTimeOffset? TokenObtainedAt => current?.RefreshedAt ?? loadedAt;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).AccessToken;

    /// <summary>
    /// Replaces <paramref name="rejectedAccessToken"/> with a fresh one. True when a usable new token is there
    /// (refreshed now, or already by another turn or replica); false when the refresh failed (alerted).
    /// </summary>
    public async Task<bool> RefreshAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = await LoadAsync(fromStorage: true, cancellationToken);
            if (tokens.AccessToken != rejectedAccessToken)
                return true;
            return await RefreshUnderGateAsync(tokens, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Refreshes when the current token is older than <see cref="ZaloOptions.TokenRefreshAfter"/>. True when nothing failed.</summary>
    public async Task<bool> RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var tokens = await LoadAsync(fromStorage: true, cancellationToken);
            var obtained = tokens.RefreshedAt ?? loadedAt ?? clock.GetUtcNow();
            if (clock.GetUtcNow() - obtained < options.Value.TokenRefreshAfter)
                return true;
            return await RefreshUnderGateAsync(tokens, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes an OA API call; when Zalo says the token expired (-216, -220, -124) it is refreshed and the call made once more.</summary>
    public async Task<IApiResponse<T>> CallWithFreshTokenAsync<T>(Func<Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
        where T : class, IZaloResult
    {
        var token = await GetAccessTokenAsync(cancellationToken);
        var response = await call();
        if (response.Content?.Error is { } code && ZaloErrors.TokenExpired.Contains(code) && await RefreshAsync(token, cancellationToken))
            response = await call();
        return response;
    }

    private async Task<bool> RefreshUnderGateAsync(ZaloTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tokens.RefreshToken))
            return Fail("no refresh token is configured (Zalo:RefreshToken)");

        IApiResponse<ZaloTokenResponse> response;
        try
        {
            response = await oauth.RefreshAccessTokenAsync(new Dictionary<string, string>
            {
                ["refresh_token"] = tokens.RefreshToken,
                ["app_id"] = options.Value.AppId ?? "",
                ["grant_type"] = "refresh_token",
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fail("the OAuth endpoint could not be reached: " + Turns.ExceptionSummary.Describe(e, withStack: false));
        }
        if (!response.IsSuccessStatusCode || response.Content is not { AccessToken.Length: > 0, RefreshToken.Length: > 0 } fresh)
            return Fail($"HTTP {(int?)response.StatusCode}, Zalo error {response.Content?.Error} {response.Content?.ErrorName}");

        var refreshed = new ZaloTokens
        {
            AccessToken = fresh.AccessToken,
            RefreshToken = fresh.RefreshToken,
            RefreshedAt = clock.GetUtcNow(),
            ExpiresAt = fresh.ExpiresIn is > 0 ? clock.GetUtcNow().AddSeconds(fresh.ExpiresIn.Value) : null,
            SeededBy = tokens.SeededBy,
        };
        // The old refresh token is spent now: keep the new pair before anything else can fail.
        await storage.WriteAsync(new Dictionary<string, object> { [StorageKey] = refreshed }, cancellationToken);
        current = refreshed;
        LastFailure = null;
        logger.LogInformation("The Zalo access token was refreshed (valid {Seconds} s)", fresh.ExpiresIn);
        return true;
    }

    private bool Fail(string reason)
    {
        LastFailure = (clock.GetUtcNow(), reason);
        failures.Add(1);
        logger.LogError("ALERT: refreshing the Zalo access token failed: {Reason}. Replies and reminders on Zalo stop when it expires; " +
            "re-authorise the OA and set Zalo:RefreshToken (see README, Zalo)", reason);
        return false;
    }

    private async Task<ZaloTokens> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is { } known)
            return known;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await LoadAsync(fromStorage: false, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Under the gate: the stored tokens if they descend from the configured refresh token, else the configured ones.</summary>
    private async Task<ZaloTokens> LoadAsync(bool fromStorage, CancellationToken cancellationToken)
    {
        if (current is { } known && !fromStorage)
            return known;
        var configured = options.Value;
        var seed = Fingerprint(configured.RefreshToken ?? configured.AccessToken ?? "");
        var stored = await storage.ReadAsync<ZaloTokens>([StorageKey], cancellationToken);
        current = stored.TryGetValue(StorageKey, out var kept) && kept.SeededBy == seed
            ? kept
            : current ?? new ZaloTokens { AccessToken = configured.AccessToken ?? "", RefreshToken = configured.RefreshToken ?? "", SeededBy = seed };
        loadedAt ??= clock.GetUtcNow();
        return current;
    }

    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
}
