using System.Security.Claims;
using Microsoft.Bot.Connector;
using BotChannels = Microsoft.Bot.Connector.Channels;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.BotFramework;

namespace VssBot.Bot.Agents.HandOff;

/// <summary>
/// Proactive messages to Bot Framework channels (Web Chat, Direct Line, Emulator, Teams…): straight to the channel's
/// Connector service with the bot's credentials, as CloudAdapter's ContinueConversationAsync would, but without
/// running the CloudAdapter pipeline again.
/// </summary>
public sealed class CloudAdapterChannel(BotFrameworkAuthentication authentication, IOptions<BotFrameworkOptions> options) : IProactiveChannel
{
    private static readonly HashSet<string> BotFrameworkChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        BotChannels.Emulator, BotChannels.Webchat, BotChannels.Directline, BotChannels.Msteams, BotChannels.Skype,
        BotChannels.Slack, BotChannels.Telegram, BotChannels.Line, BotChannels.Kik, BotChannels.Groupme, BotChannels.Email, BotChannels.Sms,
    };

    public bool Serves(string channelId) => BotFrameworkChannels.Contains(channelId);

    public async Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        var appId = options.Value.MicrosoftAppId ?? "";
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
        ]);
        var factory = authentication.CreateConnectorFactory(identity);
        using var client = await factory.CreateAsync(reference.ServiceUrl, null, cancellationToken);
        await client.Conversations.SendToConversationAsync((Activity)activity, cancellationToken);
    }
}
