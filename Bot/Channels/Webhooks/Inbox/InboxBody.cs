using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// A stored event's body is its Activity encrypted with the data key, bound to the event (a body copied onto another
/// row does not decrypt).
/// </summary>
public static class InboxBody
{
    public static string Protect(IPersonalDataProtector protector, InboxEvent e) => protector.Protect(e.Activity, Context(e.ChannelId, e.EventId));

    public static string Unprotect(IPersonalDataProtector protector, string channelId, string eventId, string body) =>
        protector.Unprotect(body, Context(channelId, eventId));

    private static string Context(string channelId, string eventId) => $"webhook_inbox/{channelId}/{eventId}";
}
