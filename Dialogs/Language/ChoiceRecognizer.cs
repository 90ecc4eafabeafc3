namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class ChoiceRecognizer
{
    public static ChoiceMatch Recognize(string text, IReadOnlyList<ChoiceOption> choices) => throw new NotImplementedException();
}
