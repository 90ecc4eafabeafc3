using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>
/// A field answered by one of a few options (button, number or words). A discouraged option (I-VAN for a student)
/// is explained and the preferred one proposed; the student may still keep it.
/// </summary>
public sealed class ChoiceFieldReader : IFieldReader
{
    public string Kind => "choice";

    public FieldReading Read(FieldInput input)
    {
        var choices = input.Field.Choices;
        var match = ChoiceRecognizer.Recognize(input.Text, FieldChoices.Options(input.Field));
        if (match.IsAmbiguous)
            return FieldReading.Reject(input.Texts["form.choice_ambiguous"], match.Candidates.Select(i => new Choice(choices[i].Value, choices[i].Title, choices[i].Synonyms)).ToList());
        if (match.Index is not int index) return FieldReading.Reject(input.Field.Retry);

        var chosen = choices[index];
        if (chosen.DiscouragedKey is { } key && choices.FirstOrDefault(c => c.Value == chosen.Preferred) is { } preferred)
            return FieldReading.Suggest(new FieldSuggestion(
                AnswerFor(preferred), AnswerFor(chosen), input.Texts[key],
                input.Texts.Format("form.switch_to", ("title", preferred.Title)), input.Texts.Format("form.keep", ("title", chosen.Title))));
        return FieldReading.Accept(AnswerFor(chosen));
    }

    private static FieldAnswer AnswerFor(FieldChoice choice) => new(choice.Value, choice.Summary ?? choice.Title);
}
