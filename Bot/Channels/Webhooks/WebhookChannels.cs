using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using VssBot.Bot.Channels.Webhooks.Inbox;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// What the webhook channels (Messenger, Zalo) share: the durable inbox and its worker, the record of undelivered replies,
/// and the durable reply windows, in the configured store (SQLite file, PostgreSQL or memory).
/// </summary>
public static class WebhookChannels
{
    /// <summary>Health checks of the chat platforms (<c>GET /health/channels</c>).</summary>
    public const string HealthTag = "channels";

    public static IServiceCollection AddWebhookChannelServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UndeliveredReplies>();
        services.TryAddSingleton<WebhookSenderLimits>();
        if (services.Any(s => s.ServiceType == typeof(WebhookInboxWorker)))
            return services;
        services.AddOptions<WebhookInboxOptions>().BindConfiguration(WebhookInboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookInboxSignal>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookInboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookInboxWorker>());
        services.AddHealthChecks();
        services.AddChannelStores();
        services.AddHostedService<ChannelStoresMaintenance>();
        return services;
    }

    /// <summary>
    /// <see cref="IReplyWindowStore"/> and <see cref="IWebhookInbox"/> on the store <c>Storage:Provider</c> names: SQLite (reply
    /// windows in the bot's file, the inbox in its own file beside it), the same PostgreSQL database (shared by replicas), or memory.
    /// </summary>
    public static IServiceCollection AddChannelStores(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SqliteChannelsDatabase(StorageServiceCollectionExtensions.SqlitePath(sp), sp.GetService<SqliteWriters>()));
        services.TryAddSingleton<IReplyWindowStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Memory => new MemoryReplyWindowStore(),
            StorageProvider.Postgres => new PostgresReplyWindowStore(sp.GetRequiredService<PostgresDatabase>()),
            _ => new SqliteReplyWindowStore(sp.GetRequiredService<SqliteChannelsDatabase>()),
        });
        services.AddRetentionTarget<ReplyWindowRetention>();
        services.TryAddSingleton<IWebhookInbox>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Memory => new MemoryWebhookInbox(),
            StorageProvider.Postgres => new PostgresWebhookInbox(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IPersonalDataProtector>()),
            _ => new SqliteWebhookInbox(SqliteWebhookInboxFile.Beside(StorageServiceCollectionExtensions.SqlitePath(sp), sp.GetService<SqliteWriters>()),
                sp.GetRequiredService<IPersonalDataProtector>()),
        });
        return services;
    }

    /// <summary>
    /// The reply window of <paramref name="channelId"/> (keyed by channel id, and listed for the start-up read-back);
    /// <paramref name="platform"/>: where the platform tells a user's last interaction the store does not know.
    /// </summary>
    public static IServiceCollection AddReplyWindow(this IServiceCollection services, string channelId, Func<IServiceProvider, TimeSpan> length,
        Func<IServiceProvider, ILastInteractionSource>? platform = null)
    {
        services.AddKeyedSingleton(channelId, (sp, _) => new ReplyWindow(channelId, length(sp), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IReplyWindowStore>(), platform?.Invoke(sp)));
        services.AddSingleton(sp => sp.GetRequiredKeyedService<ReplyWindow>(channelId));
        return services;
    }

    /// <summary>Reads the whole request body (the signature is over the exact bytes), refusing more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadRawBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>A base address Refit can append "/path" to (no trailing slash).</summary>
    public static Uri BaseAddress(string configured) => new(configured.TrimEnd('/'), UriKind.Absolute);

    /// <summary>
    /// Retries a platform call that failed with 5xx, 408, 429, a network error or a timeout, <paramref name="retries"/>
    /// times with exponential back-off from <paramref name="firstDelay"/>; each attempt times out after 15 seconds.
    /// </summary>
    public static void AddPlatformRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int retries, TimeSpan firstDelay)
    {
        if (retries > 0)
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                Delay = firstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        pipeline.AddTimeout(TimeSpan.FromSeconds(15));
    }
}

/// <summary>
/// At start, reads back the reply windows still open (so a restart does not close them); then, every hour, forgets the ids
/// of inbox events processed more than <see cref="EventIdLifetime"/> ago (platforms stop redelivering after hours).
/// </summary>
public sealed class ChannelStoresMaintenance(IEnumerable<ReplyWindow> windows, IWebhookInbox inbox, TimeProvider clock,
    ILogger<ChannelStoresMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan EventIdLifetime = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var window in windows)
                logger.LogInformation("{ChannelId}: {Count} reply windows read back", window.ChannelId, await window.LoadAsync(stoppingToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Reply windows could not be read back (they are looked up per user instead): {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await inbox.PruneAsync(clock.GetUtcNow() - EventIdLifetime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Old webhook event ids could not be pruned: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
