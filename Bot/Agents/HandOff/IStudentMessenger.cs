using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Turns;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Agents.HandOff;

/// <summary>Reaches a student outside their own turns, through the student's own channel.</summary>
public interface IStudentMessenger
{
    /// <summary>True when some <see cref="IProactiveChannel"/> can deliver to this channel (the terminal cannot).</summary>
    bool CanReach(string channelId);

    /// <summary>
    /// Runs <paramref name="callback"/> as a turn of the student's conversation: serialised with the student's own turns,
    /// recorded for the console, and whatever it sends goes out through the student's channel.
    /// Its report says why messages were not delivered (the channel refused or failed); no failure when all were.
    /// </summary>
    Task<DeliveryReport> ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);

    /// <summary>The student's profile as stored, read without a turn (nothing is saved).</summary>
    Task<StudentProfile?> ReadProfileAsync(ConversationReference reference, CancellationToken cancellationToken);
}
