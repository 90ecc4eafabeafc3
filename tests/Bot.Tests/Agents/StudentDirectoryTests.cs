using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.Directory;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Agents;

public sealed class StudentDirectoryTests
{
    /// <summary>
    /// The recorder writes a turn after the turn has ended, when the next turn may already be changing the same profile
    /// objects (SqliteStorage hands a conversation's saved state to its next turn): it records the summary taken in the turn.
    /// </summary>
    [Fact]
    public async Task A_turn_is_recorded_as_the_profile_was_when_it_was_summarized()
    {
        using var host = new VssBotFactory();
        var directory = host.Services.GetRequiredService<StudentDirectory>();
        var at = DateTimeOffset.Parse("2026-09-01T08:00:00+07:00");
        var profile = new StudentProfile { StudentId = "sv2026001" };
        profile.Journey.State = JourneyState.Declaring;
        profile.Escalations.Add(new Escalation(EscalationReason.StudentAskedForPerson, "field:phone", at));

        var summary = directory.Summarize(profile);
        // The next turn goes on with the same objects before the record is written.
        profile.Journey.State = JourneyState.Declared;
        profile.Escalations.Clear();
        profile.StudentId = null;
        var reference = new ConversationReference { ChannelId = "test", Conversation = new ConversationAccount(id: "c-summary"), User = new ChannelAccount("u-summary") };
        await directory.RecordTurnsAsync([new DirectoryUpdate("test/u-summary", reference, summary, at.AddMinutes(1))], CancellationToken.None);

        var entry = await directory.FindAsync("test/u-summary", CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(JourneyState.Declaring, entry.JourneyState);
        Assert.Equal(WaitingReason.StudentAskedForPerson, entry.Waiting);
        Assert.Equal("field:phone", entry.QuestionKey);
        Assert.Equal(at, entry.WaitingSince);
        Assert.Null(directory.Summarize(null));
    }
}
