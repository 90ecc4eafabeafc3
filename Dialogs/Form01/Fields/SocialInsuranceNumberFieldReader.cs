using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Mã số BHXH": the 12-digit personal ID (since 2025) or the legacy 10-digit code.</summary>
public sealed class SocialInsuranceNumberFieldReader : IFieldReader
{
    public string Kind => "socialInsuranceNumber";

    public FieldReading Read(FieldInput input)
    {
        var reading = SocialInsuranceNumberRecognizer.Recognize(input.Text);
        var kind = reading.Kind == SocialInsuranceNumberKind.PersonalId12 ? "personalId" : "socialInsuranceCode";
        var answer = reading is { IsValid: true, Number: not null } ? new FieldAnswer(reading.Number, reading.Number, new() { ["kind"] = kind }) : null;
        if (UnclearAnswers.Check(reading.Certainty, answer, reading.Candidates, input) is { } unclear) return unclear;
        if (answer is null) return FieldReading.Reject(input.Texts.Find(reading.ProblemKey ?? "") ?? input.Field.Retry);
        return FieldReading.Accept(answer);
    }
}
