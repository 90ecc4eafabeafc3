using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Điện thoại di động": a Vietnamese mobile (the SMS with the account goes there), stored as E.164.</summary>
public sealed class PhoneFieldReader : IFieldReader
{
    public string Kind => "phone";

    public FieldReading Read(FieldInput input)
    {
        var reading = PhoneRecognizer.Recognize(input.Text);
        var answer = reading is { IsValid: true, E164: not null, Display: not null } ? new FieldAnswer(reading.E164, reading.Display) : null;
        if (UnclearAnswers.Check(reading.Certainty, answer, reading.Candidates, input) is { } unclear) return unclear;
        if (answer is null) return FieldReading.Reject(input.Texts.Find(reading.ProblemKey ?? "") ?? input.Field.Retry);
        return FieldReading.Accept(answer);
    }
}
