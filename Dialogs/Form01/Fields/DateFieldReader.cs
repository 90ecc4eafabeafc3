using System.Globalization;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Form01.Fields;

/// <summary>
/// "Đăng ký … từ ngày": day-month order always; not in the past, and within the 10-day window in which the
/// paper must reach the office (a later date would let the e-declaration expire before it starts).
/// </summary>
public sealed class DateFieldReader : IFieldReader
{
    public const int LatestStartInDays = 10;

    public string Kind => "date";

    public FieldReading Read(FieldInput input)
    {
        var today = input.Today;
        var byButton = ChoiceRecognizer.Recognize(input.Text, FieldChoices.Options(input.Field)).IsMatch && !input.Text.Any(char.IsDigit);
        var reading = byButton ? new DateReading(today, Certainty.Exact, [today]) : DateRecognizer.Read(input.Text, today);
        var candidates = reading.Candidates.Where(d => d >= today && d <= today.AddDays(LatestStartInDays)).Select(Display).ToList();
        var answerFor = reading.Date is { } d0 && d0 >= today && d0 <= today.AddDays(LatestStartInDays) ? Answer(d0) : null;
        if (UnclearAnswers.Check(reading.Certainty, answerFor, candidates, input) is { } unclear) return unclear;
        if (reading.Date is not { } value) return FieldReading.Reject(Fill(input.Field.Retry, today));
        if (value < today) return FieldReading.Reject(input.Texts.Format("form.date_in_past", ("today", Display(today))));
        if (value > today.AddDays(LatestStartInDays))
            return FieldReading.Reject(input.Texts.Format("form.date_too_late", ("days", LatestStartInDays), ("today", Display(today))));
        return FieldReading.Accept(Answer(value));
    }

    private static FieldAnswer Answer(DateOnly date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Display(date));

    public static string Display(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Fill(string text, DateOnly today) => text.Replace("{today}", Display(today), StringComparison.Ordinal);
}
