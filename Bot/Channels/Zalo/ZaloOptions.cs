namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// The Zalo Official Account the bot answers for, bound from the "Zalo" section. The channel is on when
/// <see cref="AppId"/>, <see cref="OaSecretKey"/> and a token (<see cref="AccessToken"/> or <see cref="RefreshToken"/>) are set.
/// </summary>
public sealed class ZaloOptions
{
    public const string SectionName = "Zalo";

    /// <summary>The Zalo app linked to the OA (part of the webhook signature, sent when refreshing tokens).</summary>
    public string? AppId { get; set; }

    /// <summary>The OA secret key of the app's webhook settings: webhook events are signed with it (not the app secret).</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The app's secret key, sent as the <c>secret_key</c> header when refreshing the access token.</summary>
    public string? AppSecretKey { get; set; }

    /// <summary>The OA access token at first start (replaced by refreshed ones, which are kept in storage).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The refresh token at first start (single use: each refresh returns a new one, kept in storage).</summary>
    public string? RefreshToken { get; set; }

    public string ApiBaseAddress { get; set; } = "https://openapi.zalo.me/";

    public string OAuthBaseAddress { get; set; } = "https://oauth.zaloapp.com/";

    /// <summary>Customer-service messages only within this time after the user's last message (see PROTOCOL.md).</summary>
    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Refresh the access token once it is this old (Zalo's last about 25 hours): early, so a failure leaves time to act.</summary>
    public TimeSpan TokenRefreshAfter { get; set; } = TimeSpan.FromHours(20);

    /// <summary>How often the token's age is checked.</summary>
    public TimeSpan TokenCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The approved ZBS template for countdown reminders outside the reply window (empty: none). Its parameters must be
    /// named <c>days_left</c>, <c>deadline</c>, <c>office</c>, <c>form_link</c> (see README). Template messages are billed.
    /// </summary>
    public string? ReminderTemplateId { get; set; }

    /// <summary>Retries of an API call that failed with 5xx, 408, 429 or a network error (exponential back-off).</summary>
    public int SendRetries { get; set; } = 3;

    public TimeSpan SendRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(OaSecretKey)
        && (!string.IsNullOrWhiteSpace(AccessToken) || !string.IsNullOrWhiteSpace(RefreshToken));

    internal bool IsValid()
    {
        var any = !string.IsNullOrWhiteSpace(AppId) || !string.IsNullOrWhiteSpace(OaSecretKey)
            || !string.IsNullOrWhiteSpace(AccessToken) || !string.IsNullOrWhiteSpace(RefreshToken);
        if (!any)
            return true;
        return IsEnabled
            && (string.IsNullOrWhiteSpace(RefreshToken) || !string.IsNullOrWhiteSpace(AppSecretKey))
            && Uri.TryCreate(ApiBaseAddress, UriKind.Absolute, out _)
            && Uri.TryCreate(OAuthBaseAddress, UriKind.Absolute, out _)
            && SendRetries is >= 0 and <= 10 && ReplyWindow > TimeSpan.Zero
            && TokenRefreshAfter > TimeSpan.Zero && TokenCheckInterval > TimeSpan.Zero;
    }
}
