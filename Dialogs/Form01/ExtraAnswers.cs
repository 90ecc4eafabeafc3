using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Form01;

/// <summary>
/// Several values in one message ("em tên Nguyễn Văn An, sđt 0912345678, email an@gmail.com"): each value goes
/// through its field's own reader, valid ones are stored and read back to the student, and the form then skips them.
/// A single value for another field is taken only when it is not an answer to the current question.
/// </summary>
public sealed class ExtraAnswers(Form01Definition form, FieldReaders readers, BotTexts texts)
{
    /// <summary>The fields filled from the message, in form order; empty when the current question should read it.</summary>
    public IReadOnlyList<string> Take(string text, string? currentField, StudentSession session)
    {
        var extracted = MessageExtractor.Extract(text);
        if (extracted.Count == 0) return [];
        var candidates = Candidates(extracted).Where(c => form.Find(c.Key) is not null).ToList();
        if (candidates.Count == 1)
        {
            var (key, _) = candidates[0];
            if (key == currentField || !session.Profile.Form.NeedsAsking(key)) return [];
            // A lone value for another field: only when it is no answer to the question asked.
            if (currentField is not null && form.Find(currentField) is { } current && readers.Has(current.Kind)
                && readers.For(current.Kind).Read(Input(text, current, session)) is var reading
                && (reading.Answer is not null || reading.Suggestion is not null || reading.RetryChoices is not null))
                return []; // an answer to confirm or to choose among is an answer too
        }

        var taken = new List<string>();
        foreach (var (key, value) in candidates)
        {
            var field = form[key];
            if (key != currentField && !session.Profile.Form.NeedsAsking(key)) continue; // never overwrite silently
            if (readers.For(field.Kind).Read(Input(value, field, session)).Answer is { } answer)
            {
                session.Profile.Form.Set(key, answer);
                taken.Add(key);
            }
        }
        return taken.OrderBy(form.IndexOf).ToList();
    }

    /// <summary>"Mình đã ghi nhận: Họ tên: …; Điện thoại di động: …": the student sees what was understood and can correct it.</summary>
    public string ReadBack(IReadOnlyList<string> keys, Form01Answers answers)
        => texts.Format("form.extracted", ("values", string.Join("; ", keys.Select(k => $"{form[k].Title}: {answers.Get(k)!.Display}"))));

    private FieldInput Input(string text, FieldDefinition field, StudentSession session)
        => new(text, [], field, session.Profile.Form, session.Today, texts, new Dictionary<string, object>());

    /// <summary>Each found value as the text its field's reader understands best.</summary>
    private static IEnumerable<(string Key, string Value)> Candidates(ExtractedValues values)
    {
        if (values.FullName is { IsValid: true, Name: { } name }) yield return ("fullName", name);
        if (values.SocialInsuranceNumber is { IsValid: true, Number: { } sin }) yield return ("socialInsuranceNumber", sin);
        if (values.IdDocument is { IsValid: true, Number: { } id }) yield return ("idDocument", id);
        if (values.Email is { Address: { } email }) yield return ("email", email);
        if (values.Phone is { IsValid: true, Display: { } phone }) yield return ("phone", phone);
    }
}
