using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>"Người liên hệ": for a student normally themself (one tap), otherwise another person's full name.</summary>
public sealed class ContactPersonFieldReader : IFieldReader
{
    private const string Self = "self";

    public string Kind => "contactPerson";

    public IReadOnlyList<Choice> ChoicesFor(FieldDefinition field, Form01Answers answers)
        => answers.Get("fullName") is not null ? [SelfChoice()] : [];

    /// <summary>The "it's me" button; its synonyms stay whole phrases so "em gái em là …" still reads as a name.</summary>
    private static Choice SelfChoice() => new(Self, "Đúng, là mình", ["chính mình", "là mình", "chính em", "tôi"]);

    public FieldReading Read(FieldInput input)
    {
        var self = input.Answers.Get("fullName");
        if (self is not null)
        {
            var isSelf = YesNoRecognizer.Recognize(input.Text) == YesNo.Yes
                || SelfChoice().IsChosenBy(input.Text);
            if (isSelf) return FieldReading.Accept(new FieldAnswer(self.Value, self.Display, new() { ["self"] = "true" }));
            if (YesNoRecognizer.Recognize(input.Text) == YesNo.No)
                return FieldReading.Reject(input.Texts["form.contact_person_other"]);
        }
        return NameFieldReader.ReadName(input, input.Field.Retry);
    }
}
