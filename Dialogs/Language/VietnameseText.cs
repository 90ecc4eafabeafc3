namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class VietnameseText
{
    public static string Fold(string text) => throw new NotImplementedException();
    public static bool HasDiacritics(string text) => throw new NotImplementedException();
}
