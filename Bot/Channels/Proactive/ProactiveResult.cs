namespace VssBot.Bot.Channels.Proactive;

/// <summary>What became of the messages of a proactive turn.</summary>
public enum ProactiveDelivery
{
    /// <summary>Everything the turn sent reached the channel (possibly nothing: <see cref="ProactiveResult.Sent"/> is 0).</summary>
    Delivered,

    /// <summary>The channel declined by its own rules: the student has not written within its reply window (Messenger, Zalo).</summary>
    OutsideWindow,

    /// <summary>No way to message this student first: the channel has no proactive route (terminal, a Bot Framework conversation without serviceUrl). The turn still ran: state changes are saved.</summary>
    NoRoute,

    /// <summary>The channel failed (network, API error) or the turn itself threw; <see cref="ProactiveResult.Reason"/> says which (types only, no personal data).</summary>
    Failed,
}

/// <param name="Sent">Messages handed to the channel.</param>
/// <param name="Reason">Why not delivered (for logs and staff); null when delivered.</param>
public sealed record ProactiveResult(ProactiveDelivery Delivery, int Sent, string? Reason)
{
    public bool IsDelivered => Delivery == ProactiveDelivery.Delivered;

    /// <summary>For logs and the outbox: "delivered (1)", "outside window: …", "no route: …", "failed: …".</summary>
    public override string ToString() => Delivery switch
    {
        ProactiveDelivery.Delivered => $"delivered ({Sent})",
        ProactiveDelivery.OutsideWindow => "outside window: " + Reason,
        ProactiveDelivery.NoRoute => "no route: " + Reason,
        _ => "failed: " + Reason,
    };
}
