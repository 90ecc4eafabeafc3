using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>
/// A full name with diacritics. A name typed without them gets one polite request to retype it;
/// the same name sent again is accepted (some phones cannot type Vietnamese). A name given after taking a first one
/// back ("tên em là A à nhầm, B") or with a doubt is confirmed before it is stored.
/// </summary>
public sealed class NameFieldReader : IFieldReader
{
    private const string AskedWithoutDiacriticsKey = "nameAskedWithoutDiacritics";

    public string Kind => "name";

    public FieldReading Read(FieldInput input) => ReadName(input, input.Field.Retry);

    internal static FieldReading ReadName(FieldInput input, string retry)
    {
        var reading = NameRecognizer.Recognize(input.Text);
        if (!reading.IsValid || reading.Name is null) return FieldReading.Reject(retry);
        if (!reading.HasDiacritics)
        {
            var folded = VietnameseText.Fold(reading.Name);
            if (input.Memory.Get<string>(AskedWithoutDiacriticsKey) == folded)
                return FieldReading.Accept(new FieldAnswer(reading.Name, reading.Name)); // the student insists
            input.Memory[AskedWithoutDiacriticsKey] = folded;
            return FieldReading.Reject(input.Texts.Format("form.name_no_diacritics", ("name", reading.Name)));
        }
        var answer = new FieldAnswer(reading.Name, reading.Name);
        return UnclearAnswers.Check(reading.Certainty, answer, null, input) ?? FieldReading.Accept(answer);
    }
}
