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
        services.AddSingleton(sp => new ZaloAdapter(
                sp.GetRequiredService<IZaloOaApi>(),
                sp.GetRequiredService<ZaloTokenStore>(),
                sp.GetRequiredService<IOptions<ZaloOptions>>(),
                sp.GetRequiredService<UndeliveredReplies>(),
                sp.GetRequiredService<TimeProvider>())
            .UseTurnPipeline(sp));
        services.AddChannelAdapter<ZaloAdapter>(ZaloMapper.ChannelId);
        services.AddSingleton<ZaloInbox>();
        return services;
    }

    private static void AddRetries(Polly.ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ZaloOptions>>().Value;
        WebhookChannels.AddPlatformRetries(pipeline, options.SendRetries, options.SendRetryDelay);
    }

    /// <summary>
    /// <c>POST</c>: one event, signed with X-ZEvent-Signature — 401 without the header, 400 for a body that is not an
    /// event, 403 when the signature does not match (nothing processed), else 200 at once while the turn runs in the
    /// background. Mapped only when the channel is configured.
    /// </summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value.IsEnabled)
            return app;

        app.MapPost(WebhookPath, async (HttpRequest request, IOptions<ZaloOptions> options, ZaloInbox inbox, ILogger<ZaloInbox> logger, CancellationToken cancellationToken) =>
        {
            var body = await WebhookChannels.ReadRawBodyAsync(request, MaxBodyBytes, cancellationToken);
            if (body is null)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var signature = request.Headers[ZaloSignature.HeaderName].ToString();
            if (signature.Length == 0)
                return Results.Unauthorized();

            Events.ZaloWebhookEvent? e;
            try
            {
                e = JsonSerializer.Deserialize(body, ZaloJsonContext.Default.ZaloWebhookEvent);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (e?.Timestamp is not { Length: > 0 } timestamp)
                return Results.BadRequest();
            var settings = options.Value;
            if (!ZaloSignature.IsValid(body, signature, settings.AppId!, timestamp, settings.OaSecretKey!))
            {
                logger.LogWarning("Zalo webhook POST with a wrong signature refused");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            inbox.Accept(e);
            return Results.Ok();
        }).WithName("ZaloWebhook");
        return app;
    }
}
