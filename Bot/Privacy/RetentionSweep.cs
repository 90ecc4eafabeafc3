using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Privacy;

/// <summary>
/// Deletes the personal data of finished conversations from every store (<see cref="IRetentionTarget"/>): what was last
/// touched more than <see cref="RetentionOptions.Days"/> ago (or the store's own days). Runs at start-up, then every
/// <see cref="RetentionOptions.Interval"/>. A store that fails is logged and retried at the next sweep; the others still run.
/// The registry of declarations is not swept: it keeps what the school must keep.
/// </summary>
public sealed class RetentionSweep(IEnumerable<IRetentionTarget> targets, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweep> logger)
    : BackgroundService
{
    /// <summary>One sweep over every store. Returns how many items were deleted, by store.</summary>
    public async Task<IReadOnlyDictionary<string, int>> SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, int>();
        foreach (var target in targets)
        {
            var days = options.Value.DaysFor(target.Name);
            try
            {
                deleted[target.Name] = await target.DeleteOlderThanAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
                if (deleted[target.Name] > 0)
                    logger.LogInformation("Retention: deleted {Count} items from {Store} not touched for {Days} days", deleted[target.Name], target.Name, days);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Retention sweep of {Store} failed (retried at the next interval): {Error}", target.Name, Turns.ExceptionSummary.Describe(e));
            }
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class RetentionSweepServiceCollectionExtensions
{
    /// <summary>The one sweep (hosted) and its options; stores add themselves with <see cref="AddRetentionTarget{T}"/>.</summary>
    public static IServiceCollection AddRetentionSweep(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Stores.Values.All(d => d is >= 1 and <= 3650), "Every Retention:Stores value must be between 1 and 3650 days.")
            .ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(RetentionSweep)))
            return services;
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
        return services;
    }

    public static IServiceCollection AddRetentionTarget<T>(this IServiceCollection services) where T : class, IRetentionTarget
    {
        services.AddRetentionSweep();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionTarget, T>());
        return services;
    }
}
