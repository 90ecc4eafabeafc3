namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Links to the printable Form 01 of a declaration (a page and its PDF), unguessable and expiring. The host provides
/// them; without one (dialog tests) the next steps simply do not include a link.
/// </summary>
public interface IPrintableFormLinks
{
    /// <param name="studentKey">Whose declaration.</param>
    /// <param name="declarationNumber">Which of the student's declarations (<c>JourneyRecord.DeclarationNumber</c>).</param>
    /// <param name="receiptNumber">The declaration's receipt (<c>JourneyRecord.ReceiptNumber</c>): with one, the link is short and names only it.</param>
    string? LinkFor(StudentKey studentKey, int declarationNumber, string? receiptNumber);
}
