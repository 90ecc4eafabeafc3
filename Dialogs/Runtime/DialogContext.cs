using Microsoft.Bot.Builder;

namespace VssBot.Dialogs.Runtime;

/// <summary>Runs the dialogs of one stack for one turn: begin, continue, end, replace, cancel, reprompt.</summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs;
        Context = turnContext;
        State = state;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }
    public ITurnContext Context { get; }
    public DialogState State { get; }
    public DialogContext? Parent { get; }
    public List<DialogInstance> Stack => State.DialogStack;
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;



    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not in the set.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, options, cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active) return DialogTurnResult.Empty;
        var dialog = FindDialog(active.Id);
        if (dialog is null)
        {
            // A stored stack names a dialog this version no longer has: drop it rather than fail the turn.
            await CancelAllDialogsAsync(cancellationToken);
            return DialogTurnResult.Empty;
        }
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } parent && FindDialog(parent.Id) is { } dialog)
            return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return DialogTurnResult.Empty;
        while (Stack.Count > 0) await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active && FindDialog(active.Id) is { } dialog)
            await dialog.RepromptDialogAsync(Context, active, cancellationToken);
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active) return;
        if (FindDialog(active.Id) is { } dialog)
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        Stack.RemoveAt(0);
    }
}
