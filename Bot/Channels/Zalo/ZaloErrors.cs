using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>The OA API error codes VssBot acts on (sources and confidence in PROTOCOL.md).</summary>
public static class ZaloErrors
{
    /// <summary>Access token invalid (-216), expired (-220), or "token expired" as some v3 endpoints say (-124): refresh, then retry once.</summary>
    public static readonly IReadOnlySet<int> TokenExpired = new HashSet<int> { -216, -220, -124 };

    /// <summary>-230: the user has not interacted with the OA within the allowed time; -232: the user did not interact / has no quota left.</summary>
    public static readonly IReadOnlySet<int> WindowClosed = new HashSet<int> { -230, -232 };

    /// <summary>-201: a parameter is invalid; -233: the message type is not supported. Seen for text with buttons: resend as plain text.</summary>
    public static readonly IReadOnlySet<int> FormRefused = new HashSet<int> { -201, -233 };

    /// <summary>-213: the user has not followed the OA (or unfollowed).</summary>
    public const int NotFollower = -213;

    public static DeliveryFailure Classify(int? code) => code switch
    {
        { } c when WindowClosed.Contains(c) => DeliveryFailure.WindowClosed,
        { } c when FormRefused.Contains(c) => DeliveryFailure.FormRefused,
        { } c when TokenExpired.Contains(c) => DeliveryFailure.BadToken,
        NotFollower => DeliveryFailure.RecipientUnavailable,
        _ => DeliveryFailure.Other,
    };
}
