using Stateless.Graph;

namespace VssBot.Dialogs.Journey;

/// <summary>
/// The student's journey over an external <see cref="JourneyRecord"/> (loaded from user state): what may happen next
/// and the transitions, with the rules of <see cref="JourneyMachine"/>. Each call borrows a configured machine for
/// its own duration, so a journey is cheap to create and may be used from any turn.
/// </summary>
public sealed class StudentJourney(JourneyRecord record, TimeProvider clock)
{
    public JourneyState State => record.State;

    public bool CanFire(JourneyTrigger trigger)
    {
        var lent = JourneyMachine.Pool.Get();
        var canFire = lent.Over(record, clock).CanFire(trigger);
        JourneyMachine.Pool.Return(lent);
        return canFire;
    }

    /// <summary>Fires when permitted and returns true; a forbidden trigger changes nothing and returns false.</summary>
    public bool TryFire(JourneyTrigger trigger)
    {
        var lent = JourneyMachine.Pool.Get();
        var machine = lent.Over(record, clock);
        if (!machine.CanFire(trigger))
        {
            JourneyMachine.Pool.Return(lent);
            return false;
        }
        machine.Fire(trigger); // a machine whose transition threw is not lent again
        JourneyMachine.Pool.Return(lent);
        return true;
    }

    public IReadOnlyList<JourneyTrigger> PermittedTriggers =>
        [.. Enum.GetValues<JourneyTrigger>().Where(CanFire)];

    /// <summary>The machine's graph as Mermaid text (stateDiagram-v2), generated from the configuration.</summary>
    public static string ToMermaid() => MermaidGraph.Format(JourneyMachine.Info()).ReplaceLineEndings("\n");
}
