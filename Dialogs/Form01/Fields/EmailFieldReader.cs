using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Địa chỉ thư điện tử": optional, but the bot explains why it matters; common domain typos are suggested.</summary>
public sealed class EmailFieldReader : IFieldReader
{
    private const string NoEmail = "none";

    public string Kind => "email";

    public IReadOnlyList<Choice> ChoicesFor(FieldDefinition field, Form01Answers answers)
        => [NoEmailChoice()];

    private static Choice NoEmailChoice() => new(NoEmail, "Không có email", ["không có", "chưa có", "bỏ qua", "không dùng"]);

    public FieldReading Read(FieldInput input)
    {
        var reading = EmailRecognizer.Recognize(input.Text);
        var typed = reading is { IsValid: true, Address: not null } ? new FieldAnswer(reading.Address, reading.Address) : null;
        if (UnclearAnswers.Check(reading.Certainty, typed, null, input) is { } unclear) return unclear;
        if (reading.Address is not null && reading.Suggestion is { } suggestion && suggestion != reading.Address)
        {
            var question = input.Texts.Format("form.email_suggestion", ("typed", reading.Address), ("suggestion", suggestion));
            return FieldReading.Suggest(new FieldSuggestion(
                new FieldAnswer(suggestion, suggestion), new FieldAnswer(reading.Address, reading.Address), question,
                input.Texts.Format("form.email_suggestion_yes", ("suggestion", suggestion)), input.Texts["form.email_suggestion_no"]));
        }
        if (reading.IsValid && reading.Address is not null)
            return FieldReading.Accept(new FieldAnswer(reading.Address, reading.Address));

        // Something with an "@" is an attempt at an address, never "no email".
        var skip = !input.Text.Contains('@') && (YesNoRecognizer.Recognize(input.Text) is YesNo.No or YesNo.DontKnow
            || NoEmailChoice().IsChosenBy(input.Text));
        if (skip) return FieldReading.Accept(new FieldAnswer("", input.Texts["form.email_none_display"]), input.Texts["form.email_skipped"]);
        return FieldReading.Reject(input.Field.Retry);
    }
}
