using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>How the outbox keeps the conversation to reach the student again.</summary>
internal static class ConversationReferences
{
    /// <summary>As JSON without display names: they are personal data and not needed to reach the conversation again.</summary>
    public static string WithoutNames(ConversationReference reference)
    {
        var copy = JsonConvert.DeserializeObject<ConversationReference>(JsonConvert.SerializeObject(reference))!;
        if (copy.User is not null) copy.User.Name = null;
        if (copy.Bot is not null) copy.Bot.Name = null;
        if (copy.Conversation is not null) copy.Conversation.Name = null;
        return JsonConvert.SerializeObject(copy);
    }

    public static ConversationReference Read(string json) => JsonConvert.DeserializeObject<ConversationReference>(json)!;
}
