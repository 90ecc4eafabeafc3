using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;
using QuestionKeys = VssBot.Dialogs.Conversation.QuestionKeys;

namespace VssBot.Dialogs.Form01;

/// <summary>
/// The one generic question for every simple Form 01 field: the field key travels in
/// <see cref="PromptOptions.QuestionKey"/>, its reader understands the answer, and a "did you mean…?"
/// suggestion is confirmed before it is taken.
/// </summary>
public sealed class FieldPrompt(Form01Definition form, FieldReaders readers, BotTexts texts) : Prompt<FieldAnswer>(DialogId)
{
    public const string DialogId = "form01.field";
    private const string SuggestionKey = "suggestion";

    public static string? FieldKeyOf(PromptOptions? options) => options?.QuestionKey is { } v && v.StartsWith(QuestionKeys.FieldPrefix, StringComparison.Ordinal) ? v[QuestionKeys.FieldPrefix.Length..] : null;

    protected override async Task<PromptRecognizerResult<FieldAnswer>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var field = form[FieldKeyOf(options) ?? throw new InvalidOperationException("FieldPrompt needs a field key.")];
        var session = StudentSession.From(turnContext);
        var text = turnContext.Activity.Text ?? "";

        if (state.Get<FieldSuggestion>(SuggestionKey) is { } pending)
        {
            state.Remove(SuggestionKey);
            var choice = ChoiceRecognizer.Recognize(text, [new ChoiceOption("yes", pending.YesTitle), new ChoiceOption("no", pending.NoTitle)]);
            var answer = choice.Index switch { 0 => YesNo.Yes, 1 => YesNo.No, _ => YesNoRecognizer.Recognize(text) };
            if (answer == YesNo.Yes) return PromptRecognizerResult<FieldAnswer>.Success(pending.Suggested);
            if (answer == YesNo.No && pending.Original is not null) return PromptRecognizerResult<FieldAnswer>.Success(pending.Original);
            if (answer == YesNo.No) return PromptRecognizerResult<FieldAnswer>.Failure(texts["form.confirm_retry"]);
            // Anything else is a fresh answer to the question: read it below.
        }

        var input = new FieldInput(text, turnContext.Activity.Attachments?.ToList() ?? [], field, session.Profile.Form, session.Today, texts, state);
        var reading = readers.For(field.Kind).Read(input);
        if (reading.Answer is { } accepted)
        {
            var note = reading.Note ?? ReadBack(field, text, accepted);
            if (note is not null) await turnContext.SendActivityAsync(MessageFactory.Text(note), cancellationToken);
            return PromptRecognizerResult<FieldAnswer>.Success(accepted);
        }
        if (reading.Suggestion is { } suggestion)
        {
            state[SuggestionKey] = suggestion;
            var question = MessageFactory.Text(suggestion.Question);
            question.SuggestedActions = new SuggestedActions
            {
                Actions = [new CardAction(ActionTypes.ImBack, suggestion.YesTitle, value: suggestion.YesTitle), new CardAction(ActionTypes.ImBack, suggestion.NoTitle, value: suggestion.NoTitle)],
            };
            await turnContext.SendActivityAsync(question, cancellationToken);
            return PromptRecognizerResult<FieldAnswer>.Clarification();
        }
        // "… là gì vậy?": a question about the field gets the field's help, not a refusal.
        var problem = reading.RetryChoices is null && MessageReading.IsQuestion(text) && !text.Any(char.IsDigit)
            ? field.Help + "\n" + texts.Format("conv.help_example", ("example", Fill(field.Example, session)))
            : reading.Problem;
        return PromptRecognizerResult<FieldAnswer>.Failure(problem, reading.RetryChoices?.ToList());
    }

    /// <summary>
    /// Numbers and dates the bot had to interpret ("hôm nay", "+84 912…", "sđt em là 0912.345.678") are read back,
    /// so a misreading is caught at once; a value typed exactly as stored is not.
    /// </summary>
    private string? ReadBack(FieldDefinition field, string typed, FieldAnswer answer)
    {
        if (field.Kind is not ("phone" or "idDocument" or "socialInsuranceNumber" or "date")) return null;
        static string Canon(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Canon(typed) == Canon(answer.Display) ? null : texts.Format("form.read_back", ("label", field.Title), ("value", answer.Display));
    }

    private static string Fill(string text, StudentSession session) => BotTexts.Fill(text, ("today", Fields.DateFieldReader.Display(session.Today)));

    /// <summary>On a retry only the reason and the example are sent: the question itself was just asked.</summary>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, string? problem, List<Choice>? retryChoices, CancellationToken cancellationToken)
    {
        if (!isRetry || problem is null)
        {
            await base.OnPromptAsync(turnContext, state, options, isRetry, problem, retryChoices, cancellationToken);
            return;
        }
        var activity = MessageFactory.Text(problem);
        activity.SuggestedActions = SuggestedActionsFor(options.Prompt, retryChoices is { Count: > 0 } ? retryChoices : options.Choices);
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }
}
