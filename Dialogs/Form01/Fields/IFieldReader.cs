using Microsoft.Bot.Schema;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>Understands the answer to one kind of Form 01 field (a name, a phone number, a choice…).</summary>
public interface IFieldReader
{
    /// <summary>The <c>kind</c> in form01-fields.json this reader serves.</summary>
    string Kind { get; }

    FieldReading Read(FieldInput input);

    /// <summary>Buttons offered with the question (default: the field's own choices).</summary>
    IReadOnlyList<Choice> ChoicesFor(FieldDefinition field, Form01Answers answers) => FieldChoices.Of(field);
}

/// <summary>
/// One answer to read. <paramref name="Memory"/> is the question's own state, kept across attempts
/// (e.g. "the student already typed this name without diacritics once").
/// </summary>
public sealed record FieldInput(
    string Text,
    IReadOnlyList<Attachment> Attachments,
    FieldDefinition Field,
    Form01Answers Answers,
    DateOnly Today,
    BotTexts Texts,
    IDictionary<string, object> Memory);

/// <summary>The outcome of reading an answer: accepted (maybe with a note), rejected with a reason, or a suggestion to confirm.</summary>
public sealed record FieldReading(FieldAnswer? Answer, string? Problem, string? Note, FieldSuggestion? Suggestion, IReadOnlyList<Choice>? RetryChoices = null)
{
    public static FieldReading Accept(FieldAnswer answer, string? note = null) => new(answer, null, note, null);
    public static FieldReading Reject(string problem, IReadOnlyList<Choice>? retryChoices = null) => new(null, problem, null, null, retryChoices);
    public static FieldReading Suggest(FieldSuggestion suggestion) => new(null, null, null, suggestion);
}

/// <summary>"Did you mean …?": yes takes <see cref="Suggested"/>, no keeps <see cref="Original"/> (or asks again when there is none).</summary>
public sealed record FieldSuggestion(FieldAnswer Suggested, FieldAnswer? Original, string Question, string YesTitle, string NoTitle);

internal static class FieldChoices
{
    public static IReadOnlyList<Choice> Of(FieldDefinition field)
        => field.Choices.Select(c => new Choice(c.Value, c.Title, c.Synonyms)).ToList();

    /// <summary>The field's choices as the choice recognizer reads them.</summary>
    public static IReadOnlyList<VssBot.Dialogs.Language.ChoiceOption> Options(FieldDefinition field)
        => field.Choices.Select(c => new VssBot.Dialogs.Language.ChoiceOption(c.Value, c.Title, c.Synonyms)).ToList();
}
