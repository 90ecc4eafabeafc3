using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Storage;

/// <summary>
/// A student's profile read outside a turn (the printable form, the agent console), through <see cref="UserState"/>
/// itself (the same keys and serialisation as in a turn). Read-only: anything that changes a profile runs as a turn
/// of the student's conversation (<see cref="Channels.Proactive.IStudentMessenger"/>).
/// </summary>
public sealed class StudentProfiles(StudentBot bot)
{
    private readonly ReadOnlyAdapter adapter = new();

    /// <summary>The stored profile, or null when the student has none.</summary>
    public async Task<StudentProfile?> ReadAsync(StudentKey student, CancellationToken cancellationToken)
    {
        var activity = new Activity(ActivityTypes.Event)
        {
            ChannelId = student.ChannelId,
            From = new ChannelAccount(student.UserId),
            Conversation = new ConversationAccount(id: student.UserId),
        };
        using var context = new TurnContext(adapter, activity);
        try
        {
            return await bot.Profiles.GetAsync(context, null, cancellationToken);
        }
        catch (MissingMemberException)
        {
            return null; // never saved
        }
    }

    private sealed class ReadOnlyAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Profiles are only read here.");

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Profiles are only read here.");

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Profiles are only read here.");
    }
}
