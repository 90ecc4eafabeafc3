using Microsoft.Bot.Builder;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Runtime;

/// <summary>Yes or no, in every everyday form ("có", "co", "ừ", "ok", "không", "ko"…). Buttons come from the options' choices.</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        // A button's own title counts: choices[0] means yes, choices[1] means no.
        if (options.Choices.Count >= 2 && ChoiceRecognizer.Recognize(text, options.Choices.Select(ChoicePrompt.ToOption).ToList()) is { Index: int index and < 2 })
            return Task.FromResult(PromptRecognizerResult<bool>.Success(index == 0));
        return Task.FromResult(YesNoRecognizer.Recognize(text) switch
        {
            YesNo.Yes => PromptRecognizerResult<bool>.Success(true),
            YesNo.No => PromptRecognizerResult<bool>.Success(false),
            _ => PromptRecognizerResult<bool>.Failure(),
        });
    }
}
