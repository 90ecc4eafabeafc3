using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Runtime;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>A dialog made of steps run in order; each step prompts or ends, the next one receives the result.</summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";
    private readonly List<(string Name, WaterfallStep Step)> _steps = [];

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null) : base(id)
    {
        foreach (var step in steps ?? []) AddStep(step);
    }

    /// <summary>Adds a step; its name goes into the version stamp (defaults to the method name).</summary>
    public WaterfallDialog AddStep(WaterfallStep step, string? name = null)
    {
        _steps.Add((name ?? step.Method.Name, step));
        return this;
    }

    public override string GetVersion() => $"{Id}[{string.Join(",", _steps.Select(s => s.Name))}]";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        state[ValuesKey] = new Dictionary<string, object>();
        if (options is not null) state[OptionsKey] = options;
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        => dc.Context.Activity.Type == ActivityTypes.Message
            ? ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(DialogTurnResult.Waiting);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = dc.ActiveDialog!.State.Get<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count) return await dc.EndDialogAsync(result, cancellationToken);
        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var values = state.GetOrAdd(ValuesKey, () => new Dictionary<string, object>());
        var stepContext = new WaterfallStepContext(this, dc, index, _steps[index].Name, state.Get<object>(OptionsKey), values, reason, result);
        return await _steps[index].Step(stepContext, cancellationToken);
    }
}
