using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>The OA API refused or failed a message (HTTP status and Zalo error code only: no text).</summary>
public sealed class ZaloSendException(int status, int? errorCode)
    : PlatformSendException(ZaloMapper.ChannelId, ZaloErrors.Classify(errorCode), status, errorCode);
