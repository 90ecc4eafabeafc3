using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Who a student is to the bot: the channel and that channel's user id. User state is kept per student key; the outbox,
/// the agents' directory, printable-form links and proactive messages all name the student by it.
/// Written as "{channelId}/{userId}" (channel ids never contain '/', user ids may).
/// </summary>
public readonly record struct StudentKey(string ChannelId, string UserId)
{
    public static StudentKey Of(IActivity activity) => new(activity.ChannelId ?? "", activity.From?.Id ?? "");

    public static StudentKey Of(ConversationReference reference) => new(reference.ChannelId ?? "", reference.User?.Id ?? "");

    public static bool TryParse(string? text, out StudentKey key)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash <= 0 || slash == text.Length - 1)
        {
            key = default;
            return false;
        }
        key = new StudentKey(text[..slash], text[(slash + 1)..]);
        return true;
    }

    public static StudentKey Parse(string text)
        => TryParse(text, out var key) ? key : throw new FormatException("A student key is \"{channelId}/{userId}\".");

    public override string ToString() => $"{ChannelId}/{UserId}";
}
