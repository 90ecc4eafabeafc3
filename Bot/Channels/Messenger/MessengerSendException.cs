using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>The Send API refused or failed a call after its retries (status and Graph error code/subcode only: no text).</summary>
public sealed class MessengerSendException(int status, int? errorCode, int? subcode = null)
    : PlatformSendException(MessengerMapper.ChannelId, GraphErrors.Classify(status, errorCode, subcode), status, errorCode)
{
    public int? Subcode { get; } = subcode;
}
