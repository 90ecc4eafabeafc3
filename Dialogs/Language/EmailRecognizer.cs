namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class EmailRecognizer
{
    public static EmailReading Recognize(string text) => throw new NotImplementedException();
}
