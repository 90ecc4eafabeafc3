namespace VssBot.Bot.Channels.Webhooks;

/// <summary>Why a platform refused a message, from its error code (see Zalo/PROTOCOL.md and Messenger/PROTOCOL.md).</summary>
public enum DeliveryFailure
{
    /// <summary>Outside the platform's reply window (Zalo -230/-232, Messenger 10 / 2018278): another route is needed.</summary>
    WindowClosed,
    /// <summary>The message form was refused (Zalo -201/-233 for text with buttons): resend it plainer.</summary>
    FormRefused,
    /// <summary>The person cannot be reached (Messenger 551: blocked the page, deactivated; Zalo: unfollowed).</summary>
    RecipientUnavailable,
    /// <summary>The page/OA token is invalid or expired and could not be renewed (Messenger 190; Zalo -216/-220/-124 after refresh).</summary>
    BadToken,
    /// <summary>Too many calls (Messenger 4 / 613; Zalo quota): try later.</summary>
    RateLimited,
    /// <summary>The app is not live / lacks the permission (Messenger 2018108, 200, 10 without subcode): a setup step is missing.</summary>
    NotAllowed,
    /// <summary>Anything else (network, 5xx after retries, an unknown code).</summary>
    Other,
}

/// <summary>A platform refused or failed a message after its retries (status and error code only: never the text).</summary>
public class PlatformSendException(string channelId, DeliveryFailure failure, int status, int? errorCode)
    : Exception($"{channelId} refused the message: {failure} (HTTP {status}, error {errorCode?.ToString() ?? "none"}).")
{
    public string ChannelId { get; } = channelId;
    public DeliveryFailure Failure { get; } = failure;
    public int Status { get; } = status;
    public int? ErrorCode { get; } = errorCode;
}
