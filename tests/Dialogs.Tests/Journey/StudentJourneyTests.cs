using VssBot.Dialogs.Journey;
using S = VssBot.Dialogs.Journey.JourneyState;
using T = VssBot.Dialogs.Journey.JourneyTrigger;

namespace VssBot.Dialogs.Tests.Journey;

public class StudentJourneyTests
{
    private readonly FixedClock clock = new(new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.FromHours(7)));

    private StudentJourney JourneyAt(S state, out JourneyRecord record)
    {
        record = new JourneyRecord { State = state };
        return new StudentJourney(record, clock);
    }

    [Fact]
    public void A_student_walks_the_happy_path_from_install_to_login()
    {
        var journey = JourneyAt(S.NotStarted, out _);
        T[] path = [T.StartInstalling, T.AppInstalled, T.StartDeclaring, T.DeclarationConfirmed,
            T.DeclarationSubmitted, T.InstructionsSent, T.AccountReceived, T.LoggedIn];

        foreach (var trigger in path)
            Assert.True(journey.TryFire(trigger), $"{trigger} from {journey.State}");

        Assert.Equal(S.LoggedIn, journey.State);
    }

    [Fact]
    public void A_student_who_already_has_the_app_skips_the_install_guide()
    {
        var journey = JourneyAt(S.NotStarted, out _);
        Assert.True(journey.TryFire(T.AppInstalled));
        Assert.Equal(S.Installed, journey.State);
    }

    public static TheoryData<S, T, S> DetourTransitions => new()
    {
        { S.Declared, T.DeadlinePassed, S.Expired },
        { S.Submitted, T.DeclarationRejected, S.Rejected },
        { S.Submitted, T.DeadlinePassed, S.Expired },
        { S.WaitingForOfficeVisit, T.DeclarationRejected, S.Rejected },
        { S.WaitingForOfficeVisit, T.DeadlinePassed, S.Expired },
        { S.Expired, T.Redeclare, S.Declaring },
        { S.Rejected, T.Redeclare, S.Declaring },
    };

    [Theory]
    [MemberData(nameof(DetourTransitions))]
    public void Expiry_rejection_and_redeclaring_move_as_drawn(S from, T trigger, S to)
    {
        var journey = JourneyAt(from, out _);
        Assert.True(journey.TryFire(trigger));
        Assert.Equal(to, journey.State);
    }

    /// <summary>What each state allows, besides AskForPerson (allowed everywhere but WithPerson).</summary>
    private static readonly Dictionary<S, T[]> Allowed = new()
    {
        [S.NotStarted] = [T.StartInstalling, T.AppInstalled],
        [S.Installing] = [T.AppInstalled],
        [S.Installed] = [T.StartDeclaring],
        [S.Declaring] = [T.DeclarationConfirmed, T.StartDeclaring],
        [S.Declared] = [T.DeclarationSubmitted, T.DeadlinePassed],
        [S.Submitted] = [T.InstructionsSent, T.DeclarationRejected, T.DeadlinePassed],
        [S.WaitingForOfficeVisit] = [T.AccountReceived, T.DeclarationRejected, T.DeadlinePassed],
        [S.AccountReceived] = [T.LoggedIn],
        [S.LoggedIn] = [],
        [S.Expired] = [T.Redeclare],
        [S.Rejected] = [T.Redeclare],
        [S.WithPerson] = [T.ReturnToBot],
    };

    private static IEnumerable<T> PermittedIn(S state) =>
        Allowed[state].Concat(state == S.WithPerson ? [] : [T.AskForPerson]);

    public static TheoryData<S> AllStates => new(Enum.GetValues<S>());

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Every_forbidden_trigger_returns_false_and_changes_nothing(S state)
    {
        var journey = JourneyAt(state, out var record);

        foreach (var trigger in Enum.GetValues<T>().Except(PermittedIn(state)))
        {
            Assert.False(journey.CanFire(trigger));
            Assert.False(journey.TryFire(trigger), $"{trigger} from {state}");
            Assert.Equal(state, journey.State);
        }
        Assert.Empty(record.History);
        Assert.Null(record.DeclaredAt);
        Assert.Null(record.StateBeforePerson);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Permitted_triggers_are_exactly_those_drawn(S state) =>
        Assert.Equal(PermittedIn(state).Order(), JourneyAt(state, out _).PermittedTriggers);

    [Fact]
    public void Starting_to_declare_again_while_declaring_is_ignored()
    {
        var journey = JourneyAt(S.Declaring, out var record);
        Assert.True(journey.TryFire(T.StartDeclaring));
        Assert.Equal(S.Declaring, journey.State);
        Assert.Empty(record.History);
    }

    [Theory]
    [InlineData(S.NotStarted)]
    [InlineData(S.Declaring)]
    [InlineData(S.WaitingForOfficeVisit)]
    [InlineData(S.LoggedIn)]
    public void A_person_hands_the_student_back_where_they_were(S before)
    {
        var journey = JourneyAt(before, out var record);

        Assert.True(journey.TryFire(T.AskForPerson));
        Assert.Equal(S.WithPerson, journey.State);
        Assert.Equal(before, record.StateBeforePerson);
        Assert.False(journey.TryFire(T.AskForPerson));

        Assert.True(journey.TryFire(T.ReturnToBot));
        Assert.Equal(before, journey.State);
        Assert.Null(record.StateBeforePerson);
    }

    [Fact]
    public void The_hand_off_survives_a_new_machine_over_the_same_record()
    {
        var record = new JourneyRecord { State = S.Submitted };
        new StudentJourney(record, clock).TryFire(T.AskForPerson);

        var nextTurn = new StudentJourney(record, clock);
        Assert.True(nextTurn.TryFire(T.ReturnToBot));
        Assert.Equal(S.Submitted, record.State);
    }

    [Fact]
    public void Every_transition_is_recorded_with_its_time()
    {
        var journey = JourneyAt(S.NotStarted, out var record);
        journey.TryFire(T.StartInstalling);
        clock.Advance(TimeSpan.FromMinutes(5));
        journey.TryFire(T.AppInstalled);
        journey.TryFire(T.LoggedIn); // forbidden: not recorded

        Assert.Equal(
            [
                new JourneyEvent(S.NotStarted, S.Installing, T.StartInstalling, new DateTimeOffset(2025, 9, 1, 1, 0, 0, TimeSpan.Zero)),
                new JourneyEvent(S.Installing, S.Installed, T.AppInstalled, new DateTimeOffset(2025, 9, 1, 1, 5, 0, TimeSpan.Zero)),
            ],
            record.History);
    }

    [Fact]
    public void Confirming_the_declaration_stamps_DeclaredAt()
    {
        var journey = JourneyAt(S.Declaring, out var record);
        clock.Advance(TimeSpan.FromHours(2));

        journey.TryFire(T.DeclarationConfirmed);

        Assert.Equal(clock.GetUtcNow(), record.DeclaredAt);
    }

    [Fact]
    public void Returning_from_a_person_to_Declared_keeps_the_original_DeclaredAt()
    {
        var journey = JourneyAt(S.Declaring, out var record);
        journey.TryFire(T.DeclarationConfirmed);
        var declaredAt = record.DeclaredAt;
        clock.Advance(TimeSpan.FromDays(1));

        journey.TryFire(T.AskForPerson);
        journey.TryFire(T.ReturnToBot);

        Assert.Equal(S.Declared, journey.State);
        Assert.Equal(declaredAt, record.DeclaredAt);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Every_state_has_a_Vietnamese_label(S state) =>
        Assert.False(string.IsNullOrWhiteSpace(VssBot.Dialogs.Texts.BotTexts.LoadEmbedded().Find("journey." + state)));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public void Advance(TimeSpan by) => now += by;
    }

    [Fact]
    public void A_session_reads_the_record_its_profile_holds_now()
    {
        var profile = new VssBot.Dialogs.Conversation.StudentProfile();
        var session = new VssBot.Dialogs.Conversation.StudentSession(profile, clock);

        Assert.True(session.Journey.TryFire(T.AppInstalled));
        Assert.Equal(S.Installed, session.Journey.State);
        Assert.Single(profile.Journey.History); // one transition recorded once

        profile.Journey = new JourneyRecord { State = S.Declaring };
        Assert.Equal(S.Declaring, session.Journey.State);
        Assert.True(session.Journey.TryFire(T.DeclarationConfirmed));
        Assert.Equal(S.Declared, profile.Journey.State);
        Assert.Equal(clock.GetUtcNow(), profile.Journey.DeclaredAt);
    }

    [Fact]
    public void Journeys_over_different_records_never_mix_them_though_they_borrow_the_same_machines()
    {
        var first = new JourneyRecord();
        var second = new JourneyRecord { State = S.Declaring };
        var later = new FixedClock(clock.GetUtcNow().AddDays(1));

        Assert.True(new StudentJourney(first, clock).TryFire(T.AppInstalled));
        Assert.True(new StudentJourney(second, later).TryFire(T.DeclarationConfirmed));
        Assert.False(new StudentJourney(first, clock).TryFire(T.DeclarationConfirmed)); // Installed: not permitted
        Assert.True(new StudentJourney(first, clock).TryFire(T.AskForPerson));
        Assert.True(new StudentJourney(second, later).TryFire(T.AskForPerson));
        Assert.True(new StudentJourney(first, clock).TryFire(T.ReturnToBot));

        Assert.Equal(S.Installed, first.State); // back to its own state before the person, not the other record's
        Assert.Null(first.DeclaredAt);
        Assert.Equal([T.AppInstalled, T.AskForPerson, T.ReturnToBot], first.History.Select(e => e.Trigger));
        Assert.Equal(S.WithPerson, second.State);
        Assert.Equal(S.Declared, second.StateBeforePerson);
        Assert.Equal(later.GetUtcNow(), second.DeclaredAt);
        Assert.All(second.History, e => Assert.Equal(later.GetUtcNow(), e.At));
    }

    [Fact]
    public void Journeys_on_many_threads_at_once_each_move_their_own_record()
    {
        var records = Enumerable.Range(0, 2_000).Select(_ => new JourneyRecord()).ToArray();
        Parallel.ForEach(records, new ParallelOptions { MaxDegreeOfParallelism = 8 }, record =>
        {
            var journey = new StudentJourney(record, clock);
            foreach (var trigger in (T[])[T.StartInstalling, T.AppInstalled, T.StartDeclaring, T.AskForPerson, T.ReturnToBot, T.DeclarationConfirmed])
                Assert.True(journey.TryFire(trigger), $"{trigger} from {record.State}");
        });

        Assert.All(records, record =>
        {
            Assert.Equal(S.Declared, record.State);
            Assert.Equal(6, record.History.Count);
            Assert.Null(record.StateBeforePerson);
        });
    }
}
