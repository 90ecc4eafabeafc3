namespace VssBot.Bot.Channels.Images;

/// <summary>Where the bot may fetch a student's image from (configuration section "ChannelImages").</summary>
public sealed class ChannelImagesOptions
{
    public const string SectionName = "ChannelImages";

    /// <summary>
    /// Hosts (and their subdomains) the bot downloads images from over HTTPS: Messenger's and Zalo's content servers.
    /// Nothing else is fetched, so an attachment link cannot make the bot call an address of the sender's choosing.
    /// </summary>
    public string[] AllowedHosts { get; set; } = ["fbcdn.net", "fbsbx.com", "zadn.vn", "zdn.vn", "zalo.me", "zaloapp.com"];
}
