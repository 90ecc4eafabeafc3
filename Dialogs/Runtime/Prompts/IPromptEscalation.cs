namespace VssBot.Dialogs.Runtime;

/// <summary>
/// Called when a question has failed its maximum number of attempts. The conversation puts an
/// implementation in the turn state (offer help and a person, record the escalation); without one
/// the prompt simply asks again.
/// </summary>
public interface IPromptEscalation
{
    /// <summary>Failed attempts allowed per question (a prompt's own options may still set another).</summary>
    int MaxAttempts { get; }

    Task OnMaxAttemptsReachedAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken);
}
