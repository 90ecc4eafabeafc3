using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>
/// The student's state (issue 12): both dictionaries in one storage call each way, under Bot Framework's keys and in
/// its form, so what ConversationState/UserState wrote reads back here and the other way round.
/// </summary>
public sealed class StudentStateTests
{
    private readonly CountingStorage storage = new();

    [Fact]
    public async Task A_turn_reads_both_dictionaries_in_one_call_and_writes_them_in_one()
    {
        var state = new StudentState(storage);
        using var turn = Turn("u1");

        (await state.Profile.GetAsync(turn, () => new StudentProfile())).StudentId = "SV001";
        (await state.DialogStack.GetAsync(turn, () => new DialogState())).Version = "v1";
        await state.SaveAsync(turn);

        Assert.Equal(1, storage.Reads);
        Assert.Equal(1, storage.Writes);
        Assert.Equal(["test/conversations/c-u1", "test/users/u1"], storage.LastWrittenKeys.Order());
    }

    [Fact]
    public async Task What_UserState_and_ConversationState_wrote_reads_back_and_the_other_way_round()
    {
        using (var first = Turn("u2"))
        {
            var users = new UserState(storage);
            await users.CreateProperty<StudentProfile>(StudentBot.ProfileProperty).SetAsync(first, new StudentProfile { StudentId = "SV002" });
            await users.SaveChangesAsync(first, force: true);
        }
        var state = new StudentState(storage);
        using (var second = Turn("u2"))
        {
            var profile = await state.Profile.GetAsync(second);
            Assert.Equal("SV002", profile.StudentId);
            profile.StudentId = "SV003";
            await state.SaveAsync(second);
        }
        using var third = Turn("u2");
        var users2 = new UserState(storage);
        Assert.Equal("SV003", (await users2.CreateProperty<StudentProfile>(StudentBot.ProfileProperty).GetAsync(third)).StudentId);
    }

    [Fact]
    public async Task A_missing_property_without_a_default_is_a_MissingMemberException_as_with_BotState()
    {
        using var turn = Turn("u3");
        await Assert.ThrowsAsync<MissingMemberException>(() => new StudentState(storage).Profile.GetAsync(turn));
    }

    [Fact]
    public async Task Saving_the_profile_only_writes_the_user_dictionary_and_forgetting_the_conversation_keeps_the_profile()
    {
        var state = new StudentState(storage);
        using (var turn = Turn("u4"))
        {
            await state.Profile.GetAsync(turn, () => new StudentProfile { StudentId = "SV004" });
            await state.DialogStack.GetAsync(turn, () => new DialogState { Version = "v1" });
            await state.SaveProfileAsync(turn);
            Assert.Equal(["test/users/u4"], storage.LastWrittenKeys);
            await state.SaveAsync(turn);
            await state.DeleteConversationAsync(turn);
        }
        using var next = Turn("u4");
        Assert.Equal("SV004", (await state.Profile.GetAsync(next)).StudentId);
        Assert.Null((await state.DialogStack.GetAsync(next, () => new DialogState())).Version);
    }

    private static TurnContext Turn(string user) => new(new TestAdapter(), new Activity(ActivityTypes.Message)
    {
        ChannelId = "test",
        From = new ChannelAccount(user),
        Recipient = new ChannelAccount("bot"),
        Conversation = new ConversationAccount(id: "c-" + user),
    });

    private sealed class CountingStorage : IStorage
    {
        private readonly MemoryStorage inner = new();

        public int Reads { get; private set; }
        public int Writes { get; private set; }
        public string[] LastWrittenKeys { get; private set; } = [];

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Reads++;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            LastWrittenKeys = [.. changes.Keys];
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
