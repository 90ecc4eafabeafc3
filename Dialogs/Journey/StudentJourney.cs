namespace VssBot.Dialogs.Journey;

// CONTRACT STUB: to be implemented.
/// <summary>The journey state machine (Stateless), configured in one place, over an external JourneyRecord.</summary>
public sealed class StudentJourney(JourneyRecord record, TimeProvider clock)
{
    public JourneyState State => record.State;
    public bool CanFire(JourneyTrigger trigger) => throw new NotImplementedException();
    /// <summary>Fires when permitted and returns true; a forbidden trigger changes nothing and returns false.</summary>
    public bool TryFire(JourneyTrigger trigger) => throw new NotImplementedException();
    public IReadOnlyList<JourneyTrigger> PermittedTriggers => throw new NotImplementedException();
    /// <summary>The machine's graph as Mermaid text (stateDiagram-v2), generated from the configuration.</summary>
    public static string ToMermaid() => throw new NotImplementedException();
}
