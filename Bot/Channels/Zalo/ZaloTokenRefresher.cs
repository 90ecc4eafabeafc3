using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Refreshes the OA access token before it expires (about 25 hours): every <see cref="ZaloOptions.TokenCheckInterval"/> it
/// asks <see cref="ZaloTokenStore"/> to refresh a token older than <see cref="ZaloOptions.TokenRefreshAfter"/>. Regular
/// refreshes also keep the refresh token alive (it lapses after about 3 months unused).
/// </summary>
public sealed class ZaloTokenRefresher(ZaloTokenStore tokens, IOptions<ZaloOptions> options, TimeProvider clock, ILogger<ZaloTokenRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
            return;
        using var timer = new PeriodicTimer(options.Value.TokenCheckInterval, clock);
        do
        {
            try
            {
                await tokens.RefreshIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("The Zalo token check failed: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary><c>zalo-token</c>: unhealthy while the last refresh of the OA access token failed (the alert to act on).</summary>
public sealed class ZaloTokenHealthCheck(ZaloTokenStore tokens, IOptions<ZaloOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsEnabled)
            return Task.FromResult(HealthCheckResult.Healthy("Zalo is not configured."));
        return Task.FromResult(tokens.LastFailure is { } failure
            ? HealthCheckResult.Unhealthy($"Refreshing the Zalo access token failed at {failure.At:u}: {failure.Reason}")
            : HealthCheckResult.Healthy(tokens.TokenObtainedAt is { } at ? $"Access token obtained {at:u}." : "Access token not used yet."));
    }
}
