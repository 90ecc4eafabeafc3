namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
/// <summary>Recognises commands and small talk at any prompt. fieldAliases: field key → words naming it ("phone" → "số điện thoại", "sđt").</summary>
public sealed class IntentRecognizer(IReadOnlyDictionary<string, IReadOnlyList<string>> fieldAliases)
{
    public Intent Recognize(string text) => throw new NotImplementedException();
}
