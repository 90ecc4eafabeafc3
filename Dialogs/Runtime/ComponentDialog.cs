using Microsoft.Bot.Builder;

namespace VssBot.Dialogs.Runtime;

/// <summary>A dialog with its own inner dialog set and stack, persisted inside its instance state.</summary>
public class ComponentDialog(string id) : Dialog(id)
{
    private const string InnerStateKey = "dialogs";

    protected DialogSet InnerDialogs { get; } = new();
    public string? InitialDialogId { get; protected set; }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        InnerDialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override string GetVersion() => $"{Id}{{{InnerDialogs.GetVersion()}}}";

    internal DialogContext CreateInnerContext(DialogContext outer, DialogInstance instance)
        => new(InnerDialogs, outer.Context, instance.State.GetOrAdd(InnerStateKey, () => new DialogState()), outer);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var turn = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await EndIfCompleteAsync(dc, turn, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var turn = await OnContinueDialogAsync(inner, cancellationToken);
        return await EndIfCompleteAsync(dc, turn, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        // A dialog begun on the outer stack by this component has ended: ask the inner question again.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var inner = new DialogContext(InnerDialogs, turnContext, instance.State.GetOrAdd(InnerStateKey, () => new DialogState()));
        return inner.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(InnerDialogs, turnContext, instance.State.GetOrAdd(InnerStateKey, () => new DialogState()));
            await inner.CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"{Id} has no dialogs."), options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.ContinueDialogAsync(cancellationToken);

    private static async Task<DialogTurnResult> EndIfCompleteAsync(DialogContext outer, DialogTurnResult turn, CancellationToken cancellationToken)
        // As in Bot Framework: anything but "waiting" (complete, cancelled, empty) ends the component.
        => turn.Status == DialogTurnStatus.Waiting
            ? turn
            : await outer.EndDialogAsync(turn.Result, cancellationToken);
}
