using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Privacy;

/// <summary>
/// Deletes the personal data of finished conversations: conversation state and student profiles (user state) whose last
/// update is older than <see cref="RetentionOptions.Days"/>. Runs at start-up, then every <see cref="RetentionOptions.Interval"/>.
/// The registry of declarations (Bot/Declarations) is not bot state and keeps what the school must keep.
/// </summary>
public sealed class StateRetention(IStorage storage, IOptions<RetentionOptions> options, TimeProvider time, ILogger<StateRetention> logger)
    : BackgroundService
{
    /// <summary>One sweep. Returns how many items were deleted (0 when the store is in memory).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (storage is not IStateStore store)
            return 0;
        var cutoff = time.GetUtcNow().AddDays(-options.Value.Days);
        var deleted = await store.DeletePersonalStateUpdatedBeforeAsync(cutoff, cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Retention: deleted {Count} conversation/profile items not updated for {Days} days", deleted, options.Value.Days);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Retention sweep failed (retried at the next interval): {Error}", Turns.ExceptionSummary.Describe(e));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class StateRetentionServiceCollectionExtensions
{
    public static IServiceCollection AddStateRetention(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StateRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<StateRetention>());
        return services;
    }
}
