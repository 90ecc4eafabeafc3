namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// The Facebook page the bot answers for, bound from the "Messenger" section. The channel is on only when
/// both <see cref="AppSecret"/> and <see cref="PageAccessToken"/> are set; then the rest is checked at start-up.
/// </summary>
public sealed class MessengerOptions
{
    public const string SectionName = "Messenger";

    /// <summary>The Meta app's secret: webhook POSTs are signed with it (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token typed in the app's webhook settings, echoed back by the GET verification.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The page access token the Send API is called with.</summary>
    public string? PageAccessToken { get; set; }

    /// <summary>The Graph API base address (a local stand-in in tests).</summary>
    public string SendApiBaseAddress { get; set; } = "https://graph.facebook.com/v21.0/";

    /// <summary>Messenger's standard messaging window: replies only within 24 hours of the user's last message.</summary>
    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Retries of a Send API call that failed with 5xx, 408, 429 or a network error (exponential back-off).</summary>
    public int SendRetries { get; set; } = 3;

    public TimeSpan SendRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(PageAccessToken);

    /// <summary>Nothing set is fine (the channel is off); half a configuration is a mistake.</summary>
    internal bool IsValid(out string problem)
    {
        problem = "";
        var any = !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(PageAccessToken) || !string.IsNullOrWhiteSpace(VerifyToken);
        if (!any)
            return true;
        if (string.IsNullOrWhiteSpace(AppSecret))
            problem = "Messenger:AppSecret is required when the Messenger channel is configured.";
        else if (string.IsNullOrWhiteSpace(PageAccessToken))
            problem = "Messenger:PageAccessToken is required when the Messenger channel is configured.";
        else if (string.IsNullOrWhiteSpace(VerifyToken))
            problem = "Messenger:VerifyToken is required: Meta verifies the webhook with it.";
        else if (!Uri.TryCreate(SendApiBaseAddress, UriKind.Absolute, out _))
            problem = "Messenger:SendApiBaseAddress must be an absolute URL.";
        else if (SendRetries is < 0 or > 10 || ReplyWindow <= TimeSpan.Zero)
            problem = "Messenger:SendRetries must be 0-10 and Messenger:ReplyWindow positive.";
        return problem.Length == 0;
    }
}
