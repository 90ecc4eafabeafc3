using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Runtime;

/// <summary>
/// Asks a question, recognises the answer, validates it and asks again with the reason when it is wrong.
/// After the maximum number of failures it hands over to <see cref="IPromptEscalation"/> (from the turn state)
/// and starts counting again; without one it simply keeps asking.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator = null) : Dialog(dialogId)
{
    internal const string OptionsKey = "options";
    private const string StateKey = "state";
    protected const string AttemptCountKey = "attemptCount";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var promptOptions = options as PromptOptions ?? new PromptOptions();
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = promptOptions;
        var state = new Dictionary<string, object> { [AttemptCountKey] = 0 };
        instance.State[StateKey] = state;
        await OnPromptAsync(dc.Context, state, promptOptions, isRetry: false, problem: null, retryChoices: null, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message) return DialogTurnResult.Waiting;

        var instance = dc.ActiveDialog!;
        var options = instance.State.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var state = instance.State.GetOrAdd(StateKey, () => new Dictionary<string, object>());
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        if (recognized.Clarifying) return DialogTurnResult.Waiting;
        var attempts = state.Get<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;
        var valid = recognized.Succeeded;
        if (validator is not null)
            valid = await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts, state), cancellationToken);
        if (valid) return await dc.EndDialogAsync(recognized.Value, cancellationToken);

        if (dc.Context.TurnState.Get<IPromptEscalation>() is { } escalation && attempts >= (options.MaxAttempts ?? escalation.MaxAttempts))
        {
            state[AttemptCountKey] = 0;
            await escalation.OnMaxAttemptsReachedAsync(dc, options, cancellationToken);
            return DialogTurnResult.Waiting;
        }

        await OnPromptAsync(dc.Context, state, options, isRetry: true, recognized.Problem, recognized.RetryChoices, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => RepromptThenWaitAsync(dc, cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var options = instance.State.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        var state = instance.State.GetOrAdd(StateKey, () => new Dictionary<string, object>());
        return OnPromptAsync(turnContext, state, options, isRetry: false, problem: null, retryChoices: null, cancellationToken);
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Sends the question, or on a retry the reason it failed followed by the retry question.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry,
        string? problem, List<Choice>? retryChoices, CancellationToken cancellationToken)
    {
        var question = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (question is null && problem is null) return;
        var text = string.Join("\n\n", new[] { isRetry ? problem : null, question?.Text }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var activity = MessageFactory.Text(text);
        var choices = retryChoices is { Count: > 0 } ? retryChoices : options.Choices;
        activity.SuggestedActions = SuggestedActionsFor(question, choices);
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>Buttons: the question's own suggested actions, else one per choice.</summary>
    protected static SuggestedActions? SuggestedActionsFor(PromptText? question, IReadOnlyList<Choice> choices)
    {
        if (choices.Count > 0)
            return new SuggestedActions { Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Title, value: c.Title)).ToList() };
        return question?.SuggestedActions;
    }

    private async Task<DialogTurnResult> RepromptThenWaitAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }
}
