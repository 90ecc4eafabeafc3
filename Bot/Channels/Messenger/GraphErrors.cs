using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>The Graph / Send API error codes VssBot acts on (sources in Messenger/PROTOCOL.md).</summary>
public static class GraphErrors
{
    /// <summary>Code 10 with subcode 2018278: "This message is sent outside of allowed window".</summary>
    public const int OutsideWindowSubcode = 2018278;
    /// <summary>Subcode 2018108: the app is not live (development mode: only people with a role on the app get messages).</summary>
    public const int AppNotLiveSubcode = 2018108;
    public const int PermissionDenied = 10;
    public const int PersonUnavailable = 551;
    public const int InvalidToken = 190;
    public const int RateLimit = 613;
    public const int AppRateLimit = 4;
    public const int PermissionsError = 200;

    public static DeliveryFailure Classify(int status, int? code, int? subcode) => (code, subcode) switch
    {
        (_, OutsideWindowSubcode) => DeliveryFailure.WindowClosed,
        (_, AppNotLiveSubcode) => DeliveryFailure.NotAllowed,
        (PermissionDenied, null) => DeliveryFailure.WindowClosed, // the documented window error is code 10; its subcode may be absent
        (PersonUnavailable, _) => DeliveryFailure.RecipientUnavailable,
        (InvalidToken, _) => DeliveryFailure.BadToken,
        (RateLimit or AppRateLimit, _) => DeliveryFailure.RateLimited,
        (PermissionsError, _) or (PermissionDenied, _) => DeliveryFailure.NotAllowed,
        _ when status == 429 => DeliveryFailure.RateLimited,
        _ => DeliveryFailure.Other,
    };
}
