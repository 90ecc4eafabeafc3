using VssBot.Bot.Channels.Proactive;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>Facebook Messenger: the webhook at <see cref="WebhookPath"/> and the Send API client.</summary>
public static class MessengerChannel
{
    public const string WebhookPath = "/channels/messenger/webhook";
    private const int MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddMessengerChannel(this IServiceCollection services)
    {
        services.AddWebhookChannelServices();
        services.AddOptions<MessengerOptions>()
            .BindConfiguration(MessengerOptions.SectionName)
            .Validate(o => o.IsValid(out _), "The Messenger configuration is incomplete: set Messenger:AppSecret, Messenger:PageAccessToken " +
                "and Messenger:VerifyToken together (with an absolute Messenger:GraphBaseAddress and a Messenger:GraphApiVersion like v26.0), or none of them.")
            .ValidateOnStart();

        services.AddTransient<MessengerAccessTokenHandler>();
        services.AddRefitGeneratedClient<IMessengerSendApi>(MessengerJsonContext.Default)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = WebhookChannels.BaseAddress(sp.GetRequiredService<IOptions<MessengerOptions>>().Value.SendApiBaseAddress))
            .AddHttpMessageHandler<MessengerAccessTokenHandler>()
            .AddResilienceHandler("messenger-send", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value;
                WebhookChannels.AddPlatformRetries(pipeline, options.SendRetries, options.SendRetryDelay);
            });

        services.AddReplyWindow(MessengerMapper.ChannelId, sp => sp.GetRequiredService<IOptions<MessengerOptions>>().Value.ReplyWindow);
        services.AddSingleton(sp => new MessengerAdapter(
                sp.GetRequiredService<IMessengerSendApi>(),
                sp.GetRequiredKeyedService<ReplyWindow>(MessengerMapper.ChannelId),
                sp.GetRequiredService<UndeliveredReplies>(),
                sp.GetRequiredService<ILogger<MessengerAdapter>>())
            .UseTurnPipeline(sp));
        services.AddChannelAdapter<MessengerAdapter>(MessengerMapper.ChannelId);
        services.AddSingleton<MessengerInbox>();
        services.AddSingleton<VssBot.Bot.Channels.Webhooks.Inbox.IWebhookTurnRunner>(sp => sp.GetRequiredService<MessengerInbox>());
        return services;
    }

    /// <summary>
    /// <c>GET</c>: Meta's subscription check (hub.mode=subscribe, hub.verify_token, hub.challenge echoed).
    /// <c>POST</c>: events, signed with X-Hub-Signature-256 — 401 without the header, 403 when it does not match
    /// (nothing processed), else 200 at once while the turns run in the background. Mapped only when the channel is configured.
    /// </summary>
    public static IEndpointRouteBuilder MapMessengerWebhook(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value.IsEnabled)
            return app;

        app.MapGet(WebhookPath, (HttpRequest request, IOptions<MessengerOptions> options) =>
        {
            var query = request.Query;
            var token = Encoding.UTF8.GetBytes(query["hub.verify_token"].ToString());
            var expected = Encoding.UTF8.GetBytes(options.Value.VerifyToken ?? "");
            return query["hub.mode"] == "subscribe" && expected.Length > 0 && CryptographicOperations.FixedTimeEquals(token, expected)
                ? Results.Text(query["hub.challenge"].ToString(), "text/plain")
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).WithName("MessengerWebhookVerification");

        app.MapPost(WebhookPath, async (HttpRequest request, IOptions<MessengerOptions> options, MessengerInbox inbox, ILogger<MessengerInbox> logger, CancellationToken cancellationToken) =>
        {
            var body = await WebhookChannels.ReadRawBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var signature = request.Headers[MessengerSignature.HeaderName].ToString();
            if (signature.Length == 0)
                return Results.Unauthorized();
            if (!MessengerSignature.IsValid(body, signature, options.Value.AppSecret!))
            {
                logger.LogWarning("Messenger webhook POST with a wrong signature refused");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            MessengerWebhookEvent? webhook;
            try
            {
                webhook = JsonSerializer.Deserialize(body, MessengerJsonContext.Default.MessengerWebhookEvent);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (webhook?.Object == "page")
                await inbox.AcceptAsync(webhook, cancellationToken);
            return Results.Text("EVENT_RECEIVED", "text/plain");
        }).WithName("MessengerWebhook");
        return app;
    }
}
