using Microsoft.Extensions.ObjectPool;
using Stateless;
using Stateless.Reflection;

namespace VssBot.Dialogs.Journey;

/// <summary>
/// The journey state machine (Stateless), configured in one place. A machine is configured once and then lent, from
/// <see cref="Pool"/>, to one <see cref="StudentJourney"/> call at a time over that call's record: configuring a
/// Stateless machine allocates its whole graph (4% of a turn's allocations when it was done once per turn, issue 12),
/// and a machine is not for concurrent use. Between calls it holds no record.
/// </summary>
internal sealed class JourneyMachine
{
    // Graph metadata only (where ReturnToBot may lead), the same for every machine.
    private static readonly DynamicStateInfos PossibleReturns = Returns();

    public static readonly ObjectPool<JourneyMachine> Pool = new DefaultObjectPool<JourneyMachine>(new Policy());

    private readonly StateMachine<JourneyState, JourneyTrigger> machine;
    private JourneyRecord? record;
    private TimeProvider? clock;

    private JourneyMachine()
    {
        (record, clock) = (new JourneyRecord(), TimeProvider.System); // Stateless reads the state while it is built
        machine = new StateMachine<JourneyState, JourneyTrigger>(() => Record.State, s => Record.State = s);
        Configure();
        machine.OnTransitioned(t => Record.History.Add(new JourneyEvent(t.Source, t.Destination, t.Trigger, Clock.GetUtcNow())));
        Release();
    }

    private JourneyRecord Record => record ?? throw new InvalidOperationException("This journey machine is not lent to a record.");
    private TimeProvider Clock => clock ?? throw new InvalidOperationException("This journey machine is not lent to a record.");

    /// <summary>The machine over <paramref name="journey"/>, until <see cref="Release"/>.</summary>
    public StateMachine<JourneyState, JourneyTrigger> Over(JourneyRecord journey, TimeProvider time)
    {
        (record, clock) = (journey, time);
        return machine;
    }

    public void Release() => (record, clock) = (null, null);

    /// <summary>The configuration as Stateless describes it (graph export); over a fresh record.</summary>
    public static StateMachineInfo Info()
    {
        var lent = new JourneyMachine();
        return lent.Over(new JourneyRecord(), TimeProvider.System).GetInfo();
    }

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
            .OnEntryFrom(JourneyTrigger.DeclarationConfirmed, () => Record.DeclaredAt = Clock.GetUtcNow(), "remember DeclaredAt")
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
            .OnEntryFrom(JourneyTrigger.AskForPerson, t => Record.StateBeforePerson = t.Source, "remember the state before the person")
            .PermitDynamic(JourneyTrigger.ReturnToBot, () => Record.StateBeforePerson ?? JourneyState.NotStarted,
                "the state before the person", PossibleReturns)
            .OnExit(() => Record.StateBeforePerson = null, "forget the state before the person");
    }

    /// <summary>Every state but WithPerson: a hotline agent can take over from anywhere.</summary>
    private StateMachine<JourneyState, JourneyTrigger>.StateConfiguration Stage(JourneyState state) =>
        machine.Configure(state).Permit(JourneyTrigger.AskForPerson, JourneyState.WithPerson);

    private static DynamicStateInfos Returns()
    {
        var returns = new DynamicStateInfos();
        foreach (var state in Enum.GetValues<JourneyState>().Where(s => s != JourneyState.WithPerson))
            returns.Add(state, $"was {state}");
        return returns;
    }

    private sealed class Policy : IPooledObjectPolicy<JourneyMachine>
    {
        public JourneyMachine Create() => new();

        public bool Return(JourneyMachine machine)
        {
            machine.Release();
            return true;
        }
    }
}
