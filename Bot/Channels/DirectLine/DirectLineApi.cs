using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 endpoints under <c>/v3/directline</c>, enough for the official Web Chat client and the
/// VssBot widget: tokens, conversations (start, reconnect), activities (post, poll with a watermark), uploads and
/// the WebSocket stream. Every conversation endpoint needs a token of THAT conversation.
/// </summary>
public static class DirectLineApi
{
    public const string CorsPolicy = "DirectLine";
    /// <summary>Direct Line's own limit for one activity.</summary>
    public const int MaxActivityBytes = 256 * 1024;
    private static readonly TimeSpan StreamTokenLifetime = TimeSpan.FromMinutes(2);

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        api.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(Security.RateLimits.DirectLineStart);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(Security.RateLimits.DirectLineStart);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(Security.RateLimits.DirectLinePost);
        api.MapPost("/conversations/{conversationId}/upload", UploadAsync).DisableAntiforgery().RequireRateLimiting(Security.RateLimits.DirectLinePost);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.Map("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        api.MapGet("/attachments/{conversationId}/{file}", GetAttachmentAsync);
        return app;
    }

    /// <summary>A token for a new conversation (not started yet). With DirectLine:Secret set, only the secret's holder gets one.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, IOptions<DirectLineOptions> options, DirectLineTokens tokens)
    {
        var withSecret = HoldsSecret(request, options.Value);
        if (options.Value.RequiresSecret && !withSecret)
            return BearerOf(request) is null ? Unauthorized() : DirectLineJson.Error(StatusCodes.Status403Forbidden, "BadToken", "The secret is not valid.");
        // Only the school's server (holding the secret) may name the user; anonymous pages get a fresh random id.
        var userId = withSecret ? await RequestedUserIdAsync(request) ?? DirectLineIds.NewUser() : DirectLineIds.NewUser();
        var conversationId = DirectLineIds.NewConversation();
        return TokenResponse(conversationId, tokens.Issue(conversationId, userId, options.Value.TokenLifetime), options.Value.TokenLifetime);
    }

    private static IResult RefreshToken(HttpRequest request, IOptions<DirectLineOptions> options, DirectLineTokens tokens)
    {
        if (Grant(request, tokens, out var failure) is not { } grant)
            return failure!;
        return TokenResponse(grant.ConversationId, tokens.Issue(grant.ConversationId, grant.UserId, options.Value.TokenLifetime), options.Value.TokenLifetime);
    }

    /// <summary>Starts the token's conversation (200 when it already was), or a new one for the secret's holder or, without a secret, for anyone.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, IOptions<DirectLineOptions> options, DirectLineTokens tokens,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        string token;
        ConversationGrant? grant;
        if (BearerOf(request) is { } bearer && !HoldsSecret(request, options.Value))
        {
            if (Grant(request, tokens, out var failure) is not { } granted)
                return failure!;
            (token, grant) = (bearer, granted);
        }
        else if (!options.Value.RequiresSecret || HoldsSecret(request, options.Value))
        {
            var userId = HoldsSecret(request, options.Value) ? await RequestedUserIdAsync(request) ?? DirectLineIds.NewUser() : DirectLineIds.NewUser();
            token = tokens.Issue(DirectLineIds.NewConversation(), userId, options.Value.TokenLifetime);
            grant = tokens.Validate(token, ConversationGrant.ConversationScope, out _)!;
        }
        else
        {
            return Unauthorized();
        }

        var created = await conversations.StartAsync(grant.ConversationId, grant.UserId, cancellationToken);
        return ConversationResponse(request, tokens, grant, token, watermark: null, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Reconnect: a fresh stream URL (from the watermark on) for the token's conversation.</summary>
    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (Grant(request, tokens, out var failure, conversationId) is not { } grant)
            return failure!;
        await conversations.StartAsync(grant.ConversationId, grant.UserId, cancellationToken);
        return ConversationResponse(request, tokens, grant, BearerOf(request)!, ParseWatermark(watermark), StatusCodes.Status200OK);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationLog log,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (Grant(request, tokens, out var failure, conversationId) is not { } grant)
            return failure!;
        // Counted on the bytes received: a chunked body has no Content-Length to check.
        if (await Security.BoundedBody.ReadAsync(request, MaxActivityBytes, cancellationToken) is not { } body)
            return DirectLineJson.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        var activity = DirectLineJson.ReadActivity(Encoding.UTF8.GetString(body));
        if (activity is null || !DirectLineConversations.IsAcceptable(activity))
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not an acceptable activity.");
        if (!await log.ExistsAsync(conversationId, cancellationToken))
            return DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation has not been started.");

        var id = await conversations.PostAsync(grant, activity, [], cancellationToken);
        return DirectLineJson.Ok(new JObject { ["id"] = id ?? "" });
    }

    /// <summary>
    /// Multipart upload as botframework-directlinejs sends it: an optional "activity" part (JSON) and the files.
    /// Only images are accepted (the ID card photos); they become attachments with signed links.
    /// </summary>
    private static async Task<IResult> UploadAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, ConversationLog log,
        AttachmentStore attachments, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (Grant(request, tokens, out var failure, conversationId) is not { } grant)
            return failure!;
        if (!request.HasFormContentType)
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "A multipart body is expected.");
        if (!await log.ExistsAsync(conversationId, cancellationToken))
            return DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation has not been started.");

        var form = await request.ReadFormAsync(cancellationToken);
        var activity = new Microsoft.Bot.Schema.Activity { Type = Microsoft.Bot.Schema.ActivityTypes.Message };
        var uploaded = new List<Microsoft.Bot.Schema.Attachment>();
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        foreach (var file in form.Files)
        {
            await using var content = file.OpenReadStream();
            if (file.Name == "activity" && file.ContentType.StartsWith("application/vnd.microsoft.activity", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(content, Encoding.UTF8);
                activity = DirectLineJson.ReadActivity(await reader.ReadToEndAsync(cancellationToken)) ?? activity;
                continue;
            }
            if (uploaded.Count >= 10 || file.Length > attachments.MaxBytes
                || await attachments.SaveAsync(conversationId, content, file.FileName, baseUrl, cancellationToken) is not { } saved)
                return DirectLineJson.Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument",
                    $"Only images (JPEG, PNG, GIF, WebP) up to {attachments.MaxBytes / (1024 * 1024)} MB are accepted.");
            uploaded.Add(saved);
        }
        if (uploaded.Count == 0 || !DirectLineConversations.IsAcceptable(activity))
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "No image was uploaded.");

        activity.Attachments = null; // the client's own references (blob: URLs) are replaced by the stored images
        var id = await conversations.PostAsync(grant, activity, uploaded, cancellationToken);
        return DirectLineJson.Ok(new JObject { ["id"] = id ?? "" });
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens,
        ConversationLog log, CancellationToken cancellationToken)
    {
        if (Grant(request, tokens, out var failure, conversationId) is not { } _)
            return failure!;
        var slice = await log.ReadAfterAsync(conversationId, ParseWatermark(watermark), cancellationToken);
        return Results.Content(DirectLineJson.ActivitySet(slice), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> GetAttachmentAsync(string conversationId, string file, string? sig, HttpResponse response, AttachmentStore attachments,
        CancellationToken cancellationToken)
    {
        if (await attachments.ReadAsync(conversationId, file, sig, cancellationToken) is not { } image)
            return Results.NotFound();
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        response.Headers[HeaderNames.CacheControl] = "private, max-age=86400";
        return Results.Bytes(image.Content, image.ContentType);
    }

    /// <summary>The token's grant when it is valid and (if given) for <paramref name="conversationId"/>; otherwise the error to return.</summary>
    internal static ConversationGrant? Grant(HttpRequest request, DirectLineTokens tokens, out IResult? failure, string? conversationId = null)
    {
        failure = null;
        if (BearerOf(request) is not { } bearer)
        {
            failure = Unauthorized();
            return null;
        }
        var grant = tokens.Validate(bearer, ConversationGrant.ConversationScope, out var expired);
        if (grant is null)
            failure = DirectLineJson.Error(StatusCodes.Status403Forbidden, expired ? "TokenExpired" : "BadToken",
                expired ? "The token has expired." : "The token is not valid.");
        else if (conversationId is not null && !string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal))
            failure = DirectLineJson.Error(StatusCodes.Status403Forbidden, "BadToken", "The token is not valid for this conversation.");
        return failure is null ? grant : null;
    }

    internal static long? ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IResult ConversationResponse(HttpRequest request, DirectLineTokens tokens, ConversationGrant grant, string token, long? watermark, int statusCode)
    {
        var streamToken = tokens.Issue(grant.ConversationId, grant.UserId, StreamTokenLifetime, ConversationGrant.StreamScope);
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = watermark is { } w ? $"watermark={w}&" : "";
        return DirectLineJson.Ok(new JObject
        {
            ["conversationId"] = grant.ConversationId,
            ["token"] = token,
            ["expires_in"] = (int)Math.Max(0, (grant.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds),
            ["streamUrl"] = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{grant.ConversationId}/stream?{query}t={streamToken}",
        }, statusCode);
    }

    private static IResult TokenResponse(string conversationId, string token, TimeSpan lifetime) => DirectLineJson.Ok(new JObject
    {
        ["conversationId"] = conversationId,
        ["token"] = token,
        ["expires_in"] = (int)lifetime.TotalSeconds,
    });

    private static IResult Unauthorized() =>
        DirectLineJson.Error(StatusCodes.Status401Unauthorized, "MissingProperty", "Authorization: Bearer <secret or token> is required.");

    private static string? BearerOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim() is { Length: > 0 } value ? value : null
            : null;

    private static bool HoldsSecret(HttpRequest request, DirectLineOptions options) =>
        options.RequiresSecret && BearerOf(request) is { } bearer
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(options.Secret!));

    /// <summary>The <c>{"user":{"id":…}}</c> of a token request, when it is a plain id.</summary>
    private static async Task<string?> RequestedUserIdAsync(HttpRequest request)
    {
        if (request.ContentLength is null or 0 or > 4096)
            return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        try
        {
            var id = (string?)JObject.Parse(await reader.ReadToEndAsync())["user"]?["id"];
            return DirectLineIds.IsSafe(id) ? id : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
