using VssBot.Bot.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Declarations.Client;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Declarations;

public static class DeclarationsServiceCollectionExtensions
{
    /// <summary>
    /// Declarations after "Ghi nhận": the outbox behind <see cref="IDeclarationRecorder"/> and its worker, the Refit client
    /// of the registry ("DeclarationApi"), and the embedded registry's store. Tables live where <c>Storage:Provider</c> says.
    /// </summary>
    public static IServiceCollection AddDeclarations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVssBotMetrics(); // recorded, delivered, failed; the outbox depth
        services.AddOptions<DeclarationApiOptions>()
            .Bind(configuration.GetSection(DeclarationApiOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidBaseAddress, "DeclarationApi:BaseAddress must be empty (the bot itself) or an absolute http(s) URL.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, "DeclarationApi:TotalTimeout must be at least DeclarationApi:AttemptTimeout.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRetryDelay >= o.RetryDelay, "DeclarationOutbox:MaxRetryDelay must be at least DeclarationOutbox:RetryDelay.")
            .ValidateOnStart();

        services.AddSingleton<DeclarationDatabase>();
        services.AddSingleton<RegistryApiKey>();
        services.AddSingleton<DeclarationContentCipher>();
        services.AddStore<IDeclarationRegistry, SqliteDeclarationRegistry, PostgresDeclarationRegistry>();
        services.AddStore<IDeclarationOutbox, SqliteDeclarationOutbox, PostgresDeclarationOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddRetentionTarget<OutboxRetention>();
        services.AddSingleton<DeclarationFollowUp>();
        services.AddSingleton<IDeclarationRecorder, OutboxDeclarationRecorder>();
        services.AddHostedService<DeclarationTablesInitializer>();
        services.AddSingleton<DeclarationOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeclarationOutboxWorker>());
        // The office-visit countdown (day 7 and day 9 reminders, expiry on day 10).
        services.AddOptions<Reminders.ReminderOptions>().BindConfiguration(Reminders.ReminderOptions.SectionName)
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.BatchSize > 0, "Reminders:Interval must be at least 1 second and Reminders:BatchSize positive.")
            .ValidateOnStart();
        services.AddSingleton<Reminders.DeadlineReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Reminders.DeadlineReminderWorker>());

        services.AddDeclarationApiClient();
        return services;
    }

    /// <summary>The typed Refit client with the API key handler, timeouts, retries with back-off and a circuit breaker.</summary>
    private static IServiceCollection AddDeclarationApiClient(this IServiceCollection services)
    {
        services.AddTransient<DeclarationApiKeyHandler>();
        // The generated client: Refit 16's AddRefitClient needs the Refit.Reflection package, which the registry here does not serve.
        services.AddRefitGeneratedClient<IDeclarationApi>(new RefitSettings(new SystemTextJsonContentSerializer(DeclarationDatabase.Json)), DeclarationApiOptions.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = DeclarationApiAddress.Resolve(
                sp.GetRequiredService<IOptions<DeclarationApiOptions>>().Value, sp.GetRequiredService<IServer>()))
            .AddHttpMessageHandler<DeclarationApiKeyHandler>()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                var api = sp.GetRequiredService<IOptions<DeclarationApiOptions>>().Value;
                resilience.AttemptTimeout.Timeout = api.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = api.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = Math.Max(api.Retries, 0);
                resilience.Retry.Delay = api.RetryDelay;
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                // POST is retried too (the standard handler's default): the Idempotency-Key makes a replay harmless.
                resilience.CircuitBreaker.BreakDuration = api.BreakDuration;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(api.AttemptTimeout.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            });
        return services;
    }
}
