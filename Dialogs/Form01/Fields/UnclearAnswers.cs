using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>
/// Never a guess stored silently: a reading that is not clear (<see cref="Certainty"/>) is confirmed with one short
/// question and two buttons ("Ý bạn là 0933444555?" [Đúng | Không]), offered as choices when the student gave several
/// values, or refused with a reason when the value is someone else's.
/// </summary>
internal static class UnclearAnswers
{
    /// <summary>How to go on with an unclear reading, or null when the reading is clear and can be taken.</summary>
    public static FieldReading? Check(Certainty certainty, FieldAnswer? answer, IReadOnlyList<string>? candidates, FieldInput input)
    {
        var texts = input.Texts;
        switch (certainty)
        {
            case Certainty.SomeoneElse:
                return FieldReading.Reject(texts["form.someone_else"]);
            case Certainty.Several when candidates is { Count: > 1 }:
                return FieldReading.Reject(texts["form.choose_one"], candidates.Select(c => new Choice(c, c)).ToList());
            case Certainty.Several or Certainty.Hedged or Certainty.Corrected or Certainty.Fuzzy when answer is not null:
                return FieldReading.Suggest(new FieldSuggestion(answer, null,
                    texts.Format("form.confirm_value", ("value", answer.Display)), texts["form.confirm_yes"], texts["form.confirm_no"]));
            default:
                return null;
        }
    }
}
