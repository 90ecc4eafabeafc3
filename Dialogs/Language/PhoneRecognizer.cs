namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class PhoneRecognizer
{
    public static PhoneReading Recognize(string text) => throw new NotImplementedException();
}
