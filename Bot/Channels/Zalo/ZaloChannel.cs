using VssBot.Bot.Channels.Proactive;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Refit;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo.Api;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>Zalo Official Account: the webhook at <see cref="WebhookPath"/>, the OA API and OAuth clients, the token store.</summary>
public static class ZaloChannel
{
    public const string WebhookPath = "/channels/zalo/webhook";
    private const int MaxBodyBytes = 256 * 1024;

    public static IServiceCollection AddZaloChannel(this IServiceCollection services)
    {
        services.AddWebhookChannelServices();
        services.AddOptions<ZaloOptions>()
            .BindConfiguration(ZaloOptions.SectionName)
            .Validate(o => o.IsValid(), "The Zalo configuration is incomplete: set Zalo:AppId, Zalo:OaSecretKey and Zalo:AccessToken or Zalo:RefreshToken " +
                "together (Zalo:AppSecretKey too with a refresh token; absolute Zalo:ApiBaseAddress and Zalo:OAuthBaseAddress), or none of them.")
            .ValidateOnStart();

        services.AddTransient<ZaloAccessTokenHandler>();
        services.AddTransient<ZaloSecretKeyHandler>();
        services.AddRefitGeneratedClient<IZaloOaApi>(ZaloJsonContext.Default)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = WebhookChannels.BaseAddress(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.ApiBaseAddress))
            .AddHttpMessageHandler<ZaloAccessTokenHandler>()
            .AddResilienceHandler("zalo-oa", (pipeline, context) => AddRetries(pipeline, context.ServiceProvider));
        services.AddRefitGeneratedClient<IZaloOAuthApi>(ZaloJsonContext.Default)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = WebhookChannels.BaseAddress(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.OAuthBaseAddress))
            .AddHttpMessageHandler<ZaloSecretKeyHandler>()
            .AddResilienceHandler("zalo-oauth", (pipeline, context) => AddRetries(pipeline, context.ServiceProvider));

        services.AddSingleton<ZaloTokenStore>();
        services.AddHostedService<ZaloTokenRefresher>();
        services.AddHealthChecks().AddCheck<ZaloTokenHealthCheck>("zalo-token", tags: [WebhookChannels.HealthTag]);
        services.AddSingleton<ZaloLastInteraction>();
        services.AddReplyWindow(ZaloMapper.ChannelId, sp => sp.GetRequiredService<IOptions<ZaloOptions>>().Value.ReplyWindow,
            sp => sp.GetRequiredService<ZaloLastInteraction>());
        services.AddSingleton(sp => new ZaloAdapter(
                sp.GetRequiredService<IZaloOaApi>(),
                sp.GetRequiredService<ZaloTokenStore>(),
                sp.GetRequiredKeyedService<ReplyWindow>(ZaloMapper.ChannelId),
                sp.GetRequiredService<UndeliveredReplies>())
            .UseTurnPipeline(sp));
        services.AddChannelAdapter<ZaloAdapter>(ZaloMapper.ChannelId);
        services.AddSingleton<ZaloInbox>();
        services.AddSingleton<VssBot.Bot.Channels.Webhooks.Inbox.IWebhookTurnRunner>(sp => sp.GetRequiredService<ZaloInbox>());
        return services;
    }

    private static void AddRetries(Polly.ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ZaloOptions>>().Value;
        WebhookChannels.AddPlatformRetries(pipeline, options.SendRetries, options.SendRetryDelay);
    }

    /// <summary>
    /// <c>POST</c>: one event, signed with X-ZEvent-Signature. Always 200 (Zalo retries other answers, then disables the
    /// webhook): the console's registration probe (an unsigned <c>{}</c>), a body that is not an event, a missing or wrong
    /// signature are logged (never the body) and dropped without a turn; a verified event is queued and its turn runs in
    /// the background. Mapped only when the channel is configured.
    /// </summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value.IsEnabled)
            return app;

        app.MapPost(WebhookPath, async (HttpRequest request, IOptions<ZaloOptions> options, ZaloInbox inbox, ILogger<ZaloInbox> logger, CancellationToken cancellationToken) =>
        {
            var body = await WebhookChannels.ReadRawBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
                return Dropped(logger, "a body over the size limit");
            var signature = request.Headers[ZaloSignature.HeaderName].ToString();
            if (signature.Length == 0)
                return Dropped(logger, "no signature (the console's registration probe, or not from Zalo)");

            Events.ZaloWebhookEvent? e;
            try
            {
                e = JsonSerializer.Deserialize(body, ZaloJsonContext.Default.ZaloWebhookEvent);
            }
            catch (JsonException)
            {
                return Dropped(logger, "a body that is not a Zalo event");
            }
            if (e?.Timestamp is not { Length: > 0 } timestamp)
                return Dropped(logger, "an event without a timestamp");
            var settings = options.Value;
            if (!ZaloSignature.IsValid(body, signature, settings.AppId!, timestamp, settings.OaSecretKey!))
                return Dropped(logger, "a wrong signature");
            await inbox.AcceptAsync(e, cancellationToken);
            return Results.Ok();
        }).WithName("ZaloWebhook");
        return app;
    }

    private static IResult Dropped(ILogger logger, string why)
    {
        logger.LogWarning("Zalo webhook POST dropped (answered 200, no turn): {Why}", why);
        return Results.Ok();
    }
}
