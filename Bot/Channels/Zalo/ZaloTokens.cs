namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// The OA's tokens as last refreshed, kept in the bot's storage so a restart does not reuse a spent refresh token.
/// <see cref="SeededBy"/> fingerprints the configured refresh token they descend from: when an operator configures a
/// new one (re-authorising the OA), the configured tokens win over the stored ones.
/// </summary>
public sealed class ZaloTokens
{
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTimeOffset? RefreshedAt { get; set; }
    /// <summary>When Zalo said the access token expires (<c>expires_in</c> after the refresh).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public string SeededBy { get; set; } = "";
}
