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

        // A factory: CloudAdapter's constructors are ambiguous to the container.
        services.AddSingleton(sp => new CloudAdapter(
                sp.GetRequiredService<BotFrameworkAuthentication>(),
                sp.GetRequiredService<ILogger<CloudAdapter>>())
            .UseTurnPipeline(sp));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddStudentMessenger();
        return services;
    }

    /// <summary>
    /// <c>POST /api/messages</c>. CloudAdapter authenticates (when MicrosoftAppId is set), answers 400 to a body
    /// that is not an activity, and returns the replies in the body for <c>"deliveryMode": "expectReplies"</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBotFrameworkApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
                adapter.ProcessAsync(request, response, bot, cancellationToken))
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
