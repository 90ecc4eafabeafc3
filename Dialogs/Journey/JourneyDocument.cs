namespace VssBot.Dialogs.Journey;

/// <summary>docs/journey.md: a short introduction and the diagram generated from <see cref="StudentJourney"/>.</summary>
public static class JourneyDocument
{
    public static string Render() =>
        $"""
        # The student's journey

        Generated from `Dialogs/Journey/StudentJourney.cs` (Stateless); do not edit by hand.
        A test (`JourneyDiagramTests`) fails when this file is stale; regenerate it with
        `VSSBOT_UPDATE_DOCS=1 dotnet test tests/Dialogs.Tests --filter FullyQualifiedName~Journey`.

        A student goes from installing VssID, through declaring Form 01 and the office visit, to logging in.
        A hotline agent can take over from any state (`AskForPerson`) and hand the student back to where
        they were (`ReturnToBot`, drawn as a decision over the remembered state).

        ```mermaid
        {StudentJourney.ToMermaid().TrimEnd()}
        ```

        """.ReplaceLineEndings("\n");
}
