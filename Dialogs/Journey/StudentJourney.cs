using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace VssBot.Dialogs.Journey;

/// <summary>
/// The journey state machine (Stateless), configured in one place, over an external <see cref="JourneyRecord"/>.
/// A machine is not for concurrent use: build one per turn over the record loaded from user state.
/// </summary>
public sealed class StudentJourney
{
    private readonly JourneyRecord record;
    private readonly TimeProvider clock;
    private readonly StateMachine<JourneyState, JourneyTrigger> machine;

    public StudentJourney(JourneyRecord record, TimeProvider clock)
    {
        this.record = record;
        this.clock = clock;
        machine = new StateMachine<JourneyState, JourneyTrigger>(() => record.State, s => record.State = s);
        Configure();
        machine.OnTransitioned(t => record.History.Add(new JourneyEvent(t.Source, t.Destination, t.Trigger, clock.GetUtcNow())));
    }

    public JourneyState State => record.State;

    /// <summary>True when this machine reads and writes <paramref name="journey"/> (not a record that replaced it).</summary>
    public bool Over(JourneyRecord journey) => ReferenceEquals(record, journey);

    public bool CanFire(JourneyTrigger trigger) => machine.CanFire(trigger);

    /// <summary>Fires when permitted and returns true; a forbidden trigger changes nothing and returns false.</summary>
    public bool TryFire(JourneyTrigger trigger)
    {
        if (!machine.CanFire(trigger))
            return false;
        machine.Fire(trigger);
        return true;
    }

    public IReadOnlyList<JourneyTrigger> PermittedTriggers =>
        [.. Enum.GetValues<JourneyTrigger>().Where(machine.CanFire)];

    /// <summary>The machine's graph as Mermaid text (stateDiagram-v2), generated from the configuration.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(new StudentJourney(new JourneyRecord(), TimeProvider.System).machine.GetInfo()).ReplaceLineEndings("\n");

    /// <summary>The whole journey, state by state: this is the diagram in docs/journey.md.</summary>
    private void Configure()
    {
        Stage(JourneyState.NotStarted)
            .Permit(JourneyTrigger.StartInstalling, JourneyState.Installing)
            .Permit(JourneyTrigger.AppInstalled, JourneyState.Installed);

        Stage(JourneyState.Installing)
            .Permit(JourneyTrigger.AppInstalled, JourneyState.Installed);

        Stage(JourneyState.Installed)
            .Permit(JourneyTrigger.StartDeclaring, JourneyState.Declaring);

        Stage(JourneyState.Declaring)
            .Permit(JourneyTrigger.DeclarationConfirmed, JourneyState.Declared)
            .Ignore(JourneyTrigger.StartDeclaring);

        Stage(JourneyState.Declared)
            .OnEntryFrom(JourneyTrigger.DeclarationConfirmed, () => record.DeclaredAt = clock.GetUtcNow(), "remember DeclaredAt")
            .Permit(JourneyTrigger.DeclarationSubmitted, JourneyState.Submitted)
            .Permit(JourneyTrigger.DeadlinePassed, JourneyState.Expired);

        Stage(JourneyState.Submitted)
            .Permit(JourneyTrigger.InstructionsSent, JourneyState.WaitingForOfficeVisit)
            .Permit(JourneyTrigger.DeclarationRejected, JourneyState.Rejected)
            .Permit(JourneyTrigger.DeadlinePassed, JourneyState.Expired);

        Stage(JourneyState.WaitingForOfficeVisit)
            .Permit(JourneyTrigger.AccountReceived, JourneyState.AccountReceived)
            .Permit(JourneyTrigger.DeclarationRejected, JourneyState.Rejected)
            .Permit(JourneyTrigger.DeadlinePassed, JourneyState.Expired);

        Stage(JourneyState.AccountReceived)
            .Permit(JourneyTrigger.LoggedIn, JourneyState.LoggedIn);

        Stage(JourneyState.LoggedIn);

        Stage(JourneyState.Expired)
            .Permit(JourneyTrigger.Redeclare, JourneyState.Declaring);

        Stage(JourneyState.Rejected)
            .Permit(JourneyTrigger.Redeclare, JourneyState.Declaring);

        machine.Configure(JourneyState.WithPerson)
            .OnEntryFrom(JourneyTrigger.AskForPerson, t => record.StateBeforePerson = t.Source, "remember the state before the person")
            .PermitDynamic(JourneyTrigger.ReturnToBot, () => record.StateBeforePerson ?? JourneyState.NotStarted,
                "the state before the person", PossibleReturns())
            .OnExit(() => record.StateBeforePerson = null, "forget the state before the person");
    }

    /// <summary>Every state but WithPerson: a hotline agent can take over from anywhere.</summary>
    private StateMachine<JourneyState, JourneyTrigger>.StateConfiguration Stage(JourneyState state) =>
        machine.Configure(state).Permit(JourneyTrigger.AskForPerson, JourneyState.WithPerson);

    private static DynamicStateInfos PossibleReturns()
    {
        var returns = new DynamicStateInfos();
        foreach (var state in Enum.GetValues<JourneyState>().Where(s => s != JourneyState.WithPerson))
            returns.Add(state, $"was {state}");
        return returns;
    }
}
