using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>What the webhook channels (Messenger, Zalo) share: the per-user turn queue and the record of undelivered replies.</summary>
public static class WebhookChannels
{
    public static IServiceCollection AddWebhookChannelServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UndeliveredReplies>();
        if (services.Any(s => s.ServiceType == typeof(UserTurnQueue)))
            return services;
        services.AddSingleton<UserTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<UserTurnQueue>());
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
