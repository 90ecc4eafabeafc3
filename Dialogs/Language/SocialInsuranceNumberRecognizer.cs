namespace VssBot.Dialogs.Language;

// CONTRACT STUB: to be implemented.
public static class SocialInsuranceNumberRecognizer
{
    public static SocialInsuranceNumberReading Recognize(string text) => throw new NotImplementedException();
}
