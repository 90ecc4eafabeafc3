namespace VssBot.Dialogs.Runtime;

/// <summary>
/// What a prompt understood. When it failed, <see cref="Problem"/> may say why in the student's language
/// so the retry message explains instead of just repeating the question.
/// </summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }
    public T? Value { get; set; }
    public string? Problem { get; set; }
    /// <summary>Buttons to offer with the retry (e.g. the candidates of an ambiguous choice).</summary>
    public List<Choice>? RetryChoices { get; set; }
    /// <summary>The prompt already asked a clarifying question itself: no retry message, and not a failed attempt.</summary>
    public bool Clarifying { get; set; }

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };
    public static PromptRecognizerResult<T> Failure(string? problem = null, List<Choice>? retryChoices = null)
        => new() { Succeeded = false, Problem = problem, RetryChoices = retryChoices };
    public static PromptRecognizerResult<T> Clarification() => new() { Succeeded = false, Clarifying = true };
}
