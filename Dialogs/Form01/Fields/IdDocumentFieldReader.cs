using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>
/// "Số CMND/HC/CC", today a 12-digit personal ID (CCCD/căn cước) or a passport. When the student gave their
/// 12-digit personal ID as the social-insurance number, one tap reuses it. Expired 9-digit CMND is explained.
/// </summary>
public sealed class IdDocumentFieldReader : IFieldReader
{
    private const string SameAsPersonalId = "samePersonalId";

    public string Kind => "idDocument";

    public IReadOnlyList<Choice> ChoicesFor(FieldDefinition field, Form01Answers answers)
        => PersonalIdGiven(answers) is { } id ? [SameAs(id)] : [];

    private static Choice SameAs(string personalId) => new(SameAsPersonalId, $"Dùng số {personalId}");

    public FieldReading Read(FieldInput input)
    {
        var personalId = PersonalIdGiven(input.Answers);
        if (personalId is not null && (YesNoRecognizer.Recognize(input.Text) == YesNo.Yes
            || SameAs(personalId).IsChosenBy(input.Text) && !input.Text.Any(char.IsDigit)))
            return Accept(IdDocumentRecognizer.Recognize(personalId), input, personalId);

        var reading = IdDocumentRecognizer.Recognize(input.Text, StatedBirthYear(input.Text));
        if (reading.Certainty != Certainty.Exact && reading.Certainty != Certainty.Extracted && reading.Certainty != Certainty.Normalised
            && UnclearAnswers.Check(reading.Certainty, reading.IsValid ? Accept(reading, input, personalId).Answer : null, reading.Candidates, input) is { } unclear)
            return unclear;
        if (!reading.IsValid || reading.Number is null)
            return FieldReading.Reject(input.Texts.Find(reading.ProblemKey ?? "") ?? input.Field.Retry);
        return Accept(reading, input, personalId);
    }

    private static FieldReading Accept(IdDocumentReading reading, FieldInput input, string? personalId)
    {
        var data = new Dictionary<string, string> { ["kind"] = reading.Kind == IdDocumentKind.Passport ? "passport" : "personalId" };
        if (reading.BirthYear is int year) data["birthYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (reading.BirthProvince is { } province) data["birthProvince"] = province;
        var notes = reading.WarningKeys.Select(k => input.Texts.Find(k)).OfType<string>().ToList();
        if (personalId is not null && reading.Kind == IdDocumentKind.PersonalId && reading.Number != personalId)
            notes.Add(input.Texts.Format("form.id_differs_from_personal_id", ("personalId", personalId)));
        return FieldReading.Accept(new FieldAnswer(reading.Number!, reading.Number!, data), notes.Count > 0 ? string.Join("\n\n", notes) : null);
    }

    /// <summary>"…, em sinh năm 2004": a birth year the student states, checked against digits 5–6 of the ID.</summary>
    private static int? StatedBirthYear(string text)
        => System.Text.RegularExpressions.Regex.Match(VietnameseText.Fold(text), @"\b(?:sinh nam|nam sinh|sn)\s*((?:19|20)\d\d)\b") is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static string? PersonalIdGiven(Form01Answers answers)
        => answers.Get("socialInsuranceNumber") is { } sin && sin.Data.GetValueOrDefault("kind") == "personalId" ? sin.Value : null;
}
