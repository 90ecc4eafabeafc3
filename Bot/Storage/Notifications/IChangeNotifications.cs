namespace VssBot.Bot.Storage.Notifications;

/// <summary>
/// "Something changed" between the instances that share a store: the outbox got a row, an agent event happened, a
/// Direct Line conversation got an activity. On PostgreSQL every replica hears it (NOTIFY/LISTEN); on SQLite (one
/// instance) it stays in the process. A notification is a wake-up, never the data: subscribers read the store.
/// </summary>
public interface IChangeNotifications
{
    /// <summary>Tells every subscriber of <paramref name="topic"/> on every instance, this one included.</summary>
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="handler"/> with each payload published on <paramref name="topic"/> (one of <see cref="ChangeTopics.All"/>).</summary>
    IDisposable Subscribe(string topic, Action<string> handler);
}

/// <summary>The topics (PostgreSQL channel names) VssBot publishes on; payloads carry keys, never personal data.</summary>
public static class ChangeTopics
{
    /// <summary>A declaration was recorded: outbox workers wake up. Payload: empty.</summary>
    public const string Outbox = "vssbot_outbox";

    /// <summary>An agent console event. Payload: "kind|studentKey".</summary>
    public const string AgentEvents = "vssbot_agent_events";

    /// <summary>An activity was appended to a Direct Line conversation. Payload: the conversation id.</summary>
    public const string DirectLine = "vssbot_directline";

    /// <summary>A webhook event was stored in the inbox: inbox workers wake up. Payload: empty.</summary>
    public const string WebhookInbox = "vssbot_webhook_inbox";

    /// <summary>An admin saved a setting: every instance reads it again. Payload: the setting's name.</summary>
    public const string Settings = "vssbot_settings";

    public static readonly IReadOnlyList<string> All = [Outbox, AgentEvents, DirectLine, WebhookInbox, Settings];
}
