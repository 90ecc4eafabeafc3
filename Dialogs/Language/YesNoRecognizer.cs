namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class YesNoRecognizer
{
    public static YesNo? Recognize(string text) => throw new NotImplementedException();
}
