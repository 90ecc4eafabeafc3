namespace VssBot.Dialogs.Runtime;

/// <summary>What a waterfall step sees: the previous step's result, the dialog's options and values, and next/end.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, int index, string stepName, object? options,
        Dictionary<string, object> values, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent)
    {
        _parent = parent;
        Index = index;
        StepName = stepName;
        Options = options;
        Values = values;
        Reason = reason;
        Result = result;
    }

    public int Index { get; }
    public string StepName { get; }
    public object? Options { get; }
    public Dictionary<string, object> Values { get; }
    public DialogReason Reason { get; }
    public object? Result { get; }

    /// <summary>Skips to the next step with a result (used to skip questions whose answers are known).</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled) throw new InvalidOperationException($"NextAsync called twice in step '{StepName}'.");
        _nextCalled = true;
        return _parent.RunStepAsync(this, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }
}
