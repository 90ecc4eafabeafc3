using Microsoft.Bot.Builder;

namespace VssBot.Dialogs.Runtime;

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

/// <summary>What a validator sees: the recognised value, the options, how many attempts so far (this one included).</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount, IDictionary<string, object> state)
{
    public ITurnContext Context { get; } = context;
    public PromptRecognizerResult<T> Recognized { get; } = recognized;
    public PromptOptions Options { get; } = options;
    public int AttemptCount { get; } = attemptCount;
    /// <summary>The prompt's own persisted state, for validators that remember earlier attempts.</summary>
    public IDictionary<string, object> State { get; } = state;
}
