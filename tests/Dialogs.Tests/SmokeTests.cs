namespace VssBot.Dialogs.Tests;
public class SmokeTests { [Fact] public void Placeholder_runs() => Assert.Equal(2, 1 + 1); }
