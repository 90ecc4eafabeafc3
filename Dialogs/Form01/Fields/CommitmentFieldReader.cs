using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Cam kết": the declaration is recorded only when the student commits that it is accurate and true.</summary>
public sealed class CommitmentFieldReader : IFieldReader
{
    public string Kind => "commitment";

    public FieldReading Read(FieldInput input)
    {
        var choices = FieldChoices.Options(input.Field);
        // Every yes/no form first ("co", "cos", "ddoongf ys", "ko"), then the buttons' own words.
        var agreed = YesNoRecognizer.Recognize(input.Text) switch
        {
            YesNo.Yes => true,
            YesNo.No => false,
            _ => ChoiceRecognizer.Recognize(input.Text, choices).Index is int i ? input.Field.Choices[i].Value == "yes" : (bool?)null,
        };
        return agreed switch
        {
            true => FieldReading.Accept(new FieldAnswer("accepted", input.Texts["form.commitment_display"])),
            false => FieldReading.Reject(input.Texts["form.commitment_required"]),
            null => FieldReading.Reject(input.Field.Retry),
        };
    }
}
