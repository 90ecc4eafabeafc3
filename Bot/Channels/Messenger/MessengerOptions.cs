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

    /// <summary>
    /// The Graph API version the Send API is called with. Meta retires each version about two years after the next one
    /// ships (v21.0: 21 January 2027); v26.0 is the current one (29 July 2026, expiry not yet announced).
    /// </summary>
    public string GraphApiVersion { get; set; } = "v26.0";

    /// <summary>The Graph API host (a local stand-in in tests); the version is appended.</summary>
    public string GraphBaseAddress { get; set; } = "https://graph.facebook.com/";

    /// <summary>Where <c>me/messages</c> is: <see cref="GraphBaseAddress"/> + <see cref="GraphApiVersion"/>.</summary>
    public string SendApiBaseAddress => $"{GraphBaseAddress.TrimEnd('/')}/{GraphApiVersion.Trim('/')}/";

    /// <summary>
    /// An approved utility message template for countdown reminders outside the window (empty: none): body parameters
    /// in the order days left, deadline, office, printable-form link (see README). Needs <c>page_utility_messaging</c>.
    /// </summary>
    public string? ReminderTemplateName { get; set; }

    /// <summary>The language the template was approved in.</summary>
    public string ReminderTemplateLanguage { get; set; } = "vi";

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
        else if (!Uri.TryCreate(GraphBaseAddress, UriKind.Absolute, out _))
            problem = "Messenger:GraphBaseAddress must be an absolute URL.";
        else if (!System.Text.RegularExpressions.Regex.IsMatch(GraphApiVersion, @"^v\d+\.\d+$"))
            problem = "Messenger:GraphApiVersion must look like v26.0.";
        else if (SendRetries is < 0 or > 10 || ReplyWindow <= TimeSpan.Zero)
            problem = "Messenger:SendRetries must be 0-10 and Messenger:ReplyWindow positive.";
        return problem.Length == 0;
    }
}
