using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 channel for the web widget and Web Chat: <c>/v3/directline/…</c>.</summary>
public static class DirectLineChannel
{
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .Validate(o => o.TokenLifetime >= TimeSpan.FromMinutes(1) && o.TokenLifetime <= TimeSpan.FromDays(1),
                "DirectLine:TokenLifetime must be between 00:01:00 and 1.00:00:00.")
            .Validate(o => o.MaxUploadBytes > 0, "DirectLine:MaxUploadBytes must be positive.")
            .Validate(o => o.StreamRereadInterval >= TimeSpan.FromSeconds(1), "DirectLine:StreamRereadInterval must be at least 00:00:01.")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || IsKey(o.SigningKey),
                "DirectLine:SigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();

        services.AddSingleton<DirectLineDataFolder>();
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationSignals>();
        // With SQLite, files of this instance's data folder; with PostgreSQL, tables every replica shares.
        services.TryAddSingleton(sp => new SqliteConversationStore(Path.Combine(sp.GetRequiredService<DirectLineDataFolder>().Path, "conversations.db"),
            sp.GetRequiredService<IPersonalDataProtector>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<SqliteWriters>()));
        services.TryAddSingleton(sp => new FileUploadStore(Path.Combine(sp.GetRequiredService<DirectLineDataFolder>().Path, "uploads"),
            sp.GetRequiredService<IPersonalDataProtector>()));
        services.AddStore<IConversationStore, SqliteConversationStore, PostgresConversationStore>();
        services.AddStore<IUploadStore, FileUploadStore, PostgresUploadStore>();
        services.AddSingleton<ConversationLog>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton(sp => new DirectLineAdapter(sp.GetRequiredService<ConversationLog>(), sp.GetRequiredService<TimeProvider>())
            .UseTurnPipeline(sp));
        services.AddChannelAdapter<DirectLineAdapter>(DirectLineAdapter.ChannelId);
        services.AddSingleton<DirectLineConversations>();
        services.AddRetentionTarget<DirectLineRetention>();
        services.AddHostedService<DirectLineInitializer>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(DirectLineApi.CorsPolicy, policy =>
            {
                policy.AllowAnyHeader().AllowAnyMethod();
                if (directLine.Value.AllowedOrigins is { Length: > 0 } origins && !origins.Contains("*"))
                    policy.WithOrigins(origins);
                else
                    policy.AllowAnyOrigin(); // no cookies are used: tokens travel in the Authorization header
            }));
        return services;
    }

    /// <summary>CORS (the widget runs on the school's site) and WebSockets, then the endpoints.</summary>
    public static WebApplication UseDirectLineChannel(this WebApplication app)
    {
        app.UseCors();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapDirectLineApi();
        return app;
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }

    /// <summary>
    /// Creates the data folder, signing key and the stores' tables at start-up, so a bad path fails loudly; encrypts what an
    /// older version left in clear (activity rows, uploaded images).
    /// </summary>
    private sealed class DirectLineInitializer(DirectLineSigningKey key, IConversationStore conversations, IUploadStore uploads,
        IOptions<DirectLineOptions> options, IServiceProvider services, ILogger<DirectLineInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _ = key.Bytes;
            if (string.IsNullOrEmpty(options.Value.SigningKey) && StorageServiceCollectionExtensions.UsesPostgres(services))
                logger.LogWarning("DirectLine:SigningKey is not set: this replica signs Direct Line tokens with its own generated key, " +
                    "which the other replicas refuse. Give every replica the same key (openssl rand -base64 32).");
            var rows = await conversations.PrepareAsync(cancellationToken);
            var files = await uploads.PrepareAsync(cancellationToken);
            if (rows + files > 0)
                logger.LogInformation("Direct Line: encrypted {Rows} activity rows and {Files} uploaded images stored in clear by an older version", rows, files);
            logger.LogInformation("Direct Line conversations are stored in {DatabasePath}", conversations.Location);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
