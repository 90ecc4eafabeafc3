using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Điện thoại di động": a Vietnamese mobile (the SMS with the account goes there), stored as E.164.</summary>
public sealed class PhoneFieldReader : IFieldReader
{
    public string Kind => "phone";

    public FieldReading Read(FieldInput input)
    {
        var reading = PhoneRecognizer.Recognize(input.Text);
        if (!reading.IsValid || reading.E164 is null || reading.Display is null)
            return FieldReading.Reject(input.Texts.Find(reading.ProblemKey ?? "") ?? input.Field.Retry);
        return FieldReading.Accept(new FieldAnswer(reading.E164, reading.Display));
    }
}
