namespace VssBot.Bot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 endpoints the web widget and Web Chat talk to. Bound from the "DirectLine" section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// When set, <c>POST /v3/directline/tokens/generate</c> and starting a conversation without a token require
    /// <c>Authorization: Bearer &lt;secret&gt;</c> (the school's server exchanges it for a token). Empty: the embedded
    /// default, where any page may start a conversation (the demo).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; clients refresh it before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The HMAC key (base64, at least 32 bytes) that signs tokens and attachment links. Empty: a random key is
    /// created once in <see cref="DataFolder"/>, so tokens stay valid across restarts of the same installation.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where the activity log (SQLite) and uploaded images live. Empty: a "directline" folder beside the state
    /// database (Storage:Sqlite:Path). A relative path is under the content root.
    /// </summary>
    public string? DataFolder { get; set; }

    /// <summary>Origins allowed to call the endpoints from a browser (the school's site). Empty or "*": any origin.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The largest image accepted by the upload endpoint.</summary>
    public int MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// An open stream reads the log again after this long without a wake-up: the wake-ups (NOTIFY with PostgreSQL) are
    /// not stored, one lost while a replica reconnects to the database is made up for by this read.
    /// </summary>
    public TimeSpan StreamRereadInterval { get; set; } = TimeSpan.FromSeconds(15);

    internal bool RequiresSecret => !string.IsNullOrEmpty(Secret);
}
