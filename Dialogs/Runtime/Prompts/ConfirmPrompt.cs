using Microsoft.Bot.Builder;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Runtime;

/// <summary>Yes or no, in every everyday form ("có", "co", "ừ", "ok", "không", "ko"…). Buttons come from the options' choices.</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        // Every yes/no form first; then a button's own title: choices[0] means yes, choices[1] means no.
        switch (YesNoRecognizer.Recognize(text))
        {
            case YesNo.Yes: return Task.FromResult(PromptRecognizerResult<bool>.Success(true));
            case YesNo.No: return Task.FromResult(PromptRecognizerResult<bool>.Success(false));
        }
        if (options.Choices.Count >= 2 && ChoiceRecognizer.Recognize(text, options.Choices.Select(ChoicePrompt.ToOption).ToList()) is { Index: int index and < 2 })
            return Task.FromResult(PromptRecognizerResult<bool>.Success(index == 0));
        return Task.FromResult(PromptRecognizerResult<bool>.Failure());
    }
}
