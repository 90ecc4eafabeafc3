using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Channels.BotFramework;

/// <summary>The Bot Framework channel (Azure Bot Service, Web Chat, Direct Line, Emulator): <c>POST /api/messages</c>.</summary>
public static class BotFrameworkChannel
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>()
            .BindConfiguration("")
            .Validate(o => o.IsComplete(out _), "The Bot Framework registration is incomplete: set MicrosoftAppPassword " +
                "(and MicrosoftAppTenantId for SingleTenant/UserAssignedMSI) next to MicrosoftAppId, or remove MicrosoftAppId for local use.")
            .ValidateOnStart();

        // Bot Framework's authentication, handing CloudAdapter reused clients instead of new ones every turn (issue 12).
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));

        services.AddSingleton(sp => new MessagesAdapter(
                sp.GetRequiredService<BotFrameworkAuthentication>(),
                sp.GetRequiredService<ILogger<CloudAdapter>>())
            .UseTurnPipeline(sp));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<MessagesAdapter>());
        services.AddStudentMessenger();
        return services;
    }

    /// <summary>
    /// <c>POST /api/messages</c>. <see cref="MessagesRequestGuard"/> reads and checks the activity (400 for a body that is
    /// not one); Bot Framework's adapter authenticates (when MicrosoftAppId is set), runs the turn and returns the replies
    /// in the body for <c>"deliveryMode": "expectReplies"</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBotFrameworkApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, MessagesAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
                adapter.ProcessAsync(http, MessagesRequestGuard.ActivityOf(http), bot, cancellationToken))
            .AddEndpointFilter<MessagesRequestGuard>()
            .WithName("BotFrameworkMessages");
        return app;
    }

    /// <summary>Once started, says where to reach the bot and whether it checks Bot Framework tokens.</summary>
    public static WebApplication AnnounceBotFrameworkEndpoint(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                app.Logger.LogInformation("VssBot is listening: POST {Url}/api/messages, GET {Url}/health", url.TrimEnd('/'), url.TrimEnd('/'));
            if (!app.Services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.RequiresAuthentication)
                app.Logger.LogWarning("No MicrosoftAppId configured: /api/messages serves loopback callers only (Emulator, tests); other addresses get 401");
        });
        return app;
    }
}
