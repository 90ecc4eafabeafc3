namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class IdDocumentRecognizer
{
    public static IdDocumentReading Recognize(string text, int? statedBirthYear = null) => throw new NotImplementedException();
}
