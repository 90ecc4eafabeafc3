namespace VssBot.Bot.Printing;

/// <summary>
/// One confirmed Form 01 ready to print: every field in the form's order with its official label, plus what the student
/// needs at the office. The page and the PDF render the same model.
/// </summary>
public sealed record DeclaredForm(
    string StudentName,
    IReadOnlyList<PrintedField> Fields,
    DateOnly DeclaredOn,
    DateOnly Deadline,
    string? ReceiptNumber,
    ReceivingOffice? Office);

/// <summary>
/// One field as printed: the label and the student's value; a choice field (and the commitment) lists every option with
/// the chosen one marked, as the official form does.
/// </summary>
public sealed record PrintedField(string Key, string Label, string Value, IReadOnlyList<PrintedChoice> Choices)
{
    public bool IsChoice => Choices.Count > 0;
}

public sealed record PrintedChoice(string Text, bool Chosen);

/// <summary>The office the paper goes to; <see cref="Hours"/> only when the office data has them.</summary>
public sealed record ReceivingOffice(string Name, string? Address, string? Phone, string? Hours);
