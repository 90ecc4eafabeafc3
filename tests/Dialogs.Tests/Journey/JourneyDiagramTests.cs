using System.Runtime.CompilerServices;
using VssBot.Dialogs.Journey;

namespace VssBot.Dialogs.Tests.Journey;

/// <summary>Keeps docs/journey.md in step with the machine's configuration.</summary>
public class JourneyDiagramTests
{
    private const string UpdateVariable = "VSSBOT_UPDATE_DOCS";

    [Fact]
    public void The_committed_journey_diagram_matches_the_configuration()
    {
        var path = DocsPath();
        var expected = JourneyDocument.Render();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            File.WriteAllText(path, expected);

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(committed == expected,
            $"docs/journey.md is stale. Regenerate it with: " +
            $"{UpdateVariable}=1 dotnet test tests/Dialogs.Tests --filter FullyQualifiedName~Journey");
    }

    [Fact]
    public void The_diagram_is_a_Mermaid_state_diagram_with_every_state()
    {
        var mermaid = StudentJourney.ToMermaid();
        Assert.StartsWith("stateDiagram-v2", mermaid);
        foreach (var state in Enum.GetNames<JourneyState>())
            Assert.Contains(state, mermaid);
    }

    private static string DocsPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "../../../docs/journey.md"));
}
