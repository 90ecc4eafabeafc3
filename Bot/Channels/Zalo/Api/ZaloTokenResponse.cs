using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>
/// The OAuth answer: a new access token (valid <c>expires_in</c> seconds, about 25 hours) and a new refresh token
/// (the old one is used up), or <c>error</c> with <c>error_name</c>/<c>error_description</c>.
/// </summary>
public sealed record ZaloTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("error_name")] string? ErrorName);
