namespace VssBot.Dialogs.Runtime;

// Same names and meanings as Microsoft.Bot.Builder.Dialogs, so moving to the real library is mechanical.

public enum DialogTurnStatus { Empty, Waiting, Complete, Cancelled }

public enum DialogReason { BeginCalled, ContinueCalled, EndCalled, ReplaceCalled, CancelCalled, NextCalled }

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
}
