namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class NameRecognizer
{
    public static NameReading Recognize(string text) => throw new NotImplementedException();
}
