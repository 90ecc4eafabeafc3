using Microsoft.Bot.Builder;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Runtime;

/// <summary>One of the offered choices, by button, number, words with or without diacritics, or a close typo.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        var match = ChoiceRecognizer.Recognize(text, options.Choices.Select(ToOption).ToList());
        if (match.Index is int index)
            return Task.FromResult(PromptRecognizerResult<FoundChoice>.Success(new FoundChoice(options.Choices[index].Value, index)));
        var candidates = match.IsAmbiguous ? match.Candidates.Select(i => options.Choices[i]).ToList() : null;
        return Task.FromResult(PromptRecognizerResult<FoundChoice>.Failure(retryChoices: candidates));
    }

    internal static ChoiceOption ToOption(Choice choice) => new(choice.Value, choice.Title, choice.Synonyms);
}
