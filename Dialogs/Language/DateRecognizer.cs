namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class DateRecognizer
{
    public static DateOnly? Recognize(string text, DateOnly today) => throw new NotImplementedException();
}
