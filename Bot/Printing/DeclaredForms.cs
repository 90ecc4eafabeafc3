using System.Globalization;
using System.Text;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Printing;

/// <summary>
/// Reads the declaration a link names from the student's profile. Only the declaration the link was made for is shown: once the student declares again,
/// or the declaration expired or was rejected, the old link opens nothing. A short link (a receipt) opens until the end of
/// the office-visit deadline day (<c>Campaign:OfficeVisitDays</c> from the declaration's date, Vietnam time).
/// </summary>
public sealed class DeclaredForms(StudentProfiles profiles, Form01Definition definition, DeclarationNextSteps nextSteps, TimeProvider clock,
    IDeclarationOutbox? outbox = null)
{
    private static readonly JourneyState[] Printable =
        [JourneyState.Declared, JourneyState.Submitted, JourneyState.WaitingForOfficeVisit, JourneyState.AccountReceived, JourneyState.LoggedIn];

    public async Task<DeclaredForm?> FindAsync(FormLink link, CancellationToken cancellationToken)
    {
        if (!StudentKey.TryParse(link.StudentKey, out var student) || await profiles.ReadAsync(student, cancellationToken) is not { } profile)
            return null;
        return Printed(profile, journey => journey.DeclarationNumber == link.DeclarationNumber);
    }

    /// <summary>The declaration with this receipt (a short link), while its office-visit window lasts; null otherwise.</summary>
    public async Task<DeclaredForm?> FindByReceiptAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        if (outbox is null || await outbox.GetByReceiptAsync(receiptNumber, cancellationToken) is not { } recorded
            || !StudentKey.TryParse(recorded.StudentKey, out var student) || await profiles.ReadAsync(student, cancellationToken) is not { } profile)
            return null;
        return Printed(profile, journey => journey.ReceiptNumber == receiptNumber && clock.GetUtcNow() < OpensUntil(journey.DeclaredAt!.Value));
    }

    /// <summary>The profile's current declaration when it is printable (declared, not expired or rejected) and the link names it.</summary>
    private DeclaredForm? Printed(StudentProfile profile, Func<JourneyRecord, bool> named)
    {
        var journey = profile.Journey;
        var state = journey.State == JourneyState.WithPerson ? journey.StateBeforePerson : journey.State;
        if (journey.DeclaredAt is not { } declaredAt || state is null || !Printable.Contains(state.Value) || !named(journey))
            return null;
        return Compose(profile.Form, declaredAt, journey.ReceiptNumber);
    }

    /// <summary>The end of the deadline day, Vietnam time: after it the e-declaration is gone and the paper is of no use.</summary>
    public DateTimeOffset OpensUntil(DateTimeOffset declaredAt) =>
        new(nextSteps.Deadline(declaredAt).AddDays(1).ToDateTime(TimeOnly.MinValue), StudentSession.VietnamOffset);

    /// <summary>The printable form of these answers (also for tests and previews).</summary>
    public DeclaredForm Compose(Form01Answers answers, DateTimeOffset declaredAt, string? receiptNumber)
    {
        var fields = definition.Fields.Select(f => Print(f, answers.Get(f.Key))).ToList();
        var declaration = Form01Declaration.From(answers);
        var office = declaration.Office is { } o ? new ReceivingOffice(Clean(o.Name) ?? "", Clean(o.Address), Clean(o.Phone), Clean(o.Hours)) : null;
        var declaredOn = DateOnly.FromDateTime(declaredAt.ToOffset(StudentSession.VietnamOffset).DateTime);
        return new DeclaredForm(Clean(answers.Get(Form01Declaration.Keys.FullName)?.Display) ?? "", fields, declaredOn, nextSteps.Deadline(declaredAt),
            Clean(receiptNumber), office);
    }

    private static PrintedField Print(FieldDefinition field, FieldAnswer? answer)
    {
        var label = Clean(field.Label)!;
        var display = Clean(answer?.Display) ?? "";
        if (field.Key == Form01Declaration.Keys.Commitment)
            return new PrintedField(field.Key, label, display, [new PrintedChoice(Form01Wording.Commitment, answer?.Value == "accepted")]);
        if (field.Kind == "date" && DateOnly.TryParseExact(answer?.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new PrintedField(field.Key, label, Form01Wording.LongDate(date), []);
        if (field.Kind == "choice" && field.Choices.Count > 1)
            return new PrintedField(field.Key, label, display,
                field.Choices.Select(c => new PrintedChoice(Clean(c.Summary ?? c.Title)!, c.Value == answer?.Value)).ToList());
        return new PrintedField(field.Key, label, display, []);
    }

    /// <summary>NFC, so composed and decomposed diacritics print alike; blank is absent.</summary>
    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);
}
