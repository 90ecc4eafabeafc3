namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads the "Mã số BHXH" answer: the legacy 10-digit social-insurance code or, since 1/8/2025,
/// the 12-digit personal ID. Spaces, dots and dashes between digits are ignored.
/// Problems: "sin.missing" (no number), "sin.looks_like_cmnd" (9 digits: an old ID card number),
/// "sin.wrong_length" (any other count of digits), "sin.invalid" (letters mixed into the number).
/// </summary>
public static class SocialInsuranceNumberRecognizer
{
    public static SocialInsuranceNumberReading Recognize(string text)
    {
        var runs = DigitRuns.Find(text ?? "");
        var run = runs.FirstOrDefault(r => r.Digits.Length is 10 or 12);
        if (run.Digits is null)
        {
            if (runs.Count == 0)
                return Invalid(VietnameseText.Tokens(text ?? "").Any(t => t.Any(char.IsAsciiDigit)) ? TextKeys.SinInvalid : TextKeys.SinMissing);
            run = runs.MaxBy(r => r.Digits.Length);
            return Invalid(run.Digits.Length == 9 ? TextKeys.SinLooksLikeCmnd : TextKeys.SinWrongLength);
        }
        var kind = run.Digits.Length == 10 ? SocialInsuranceNumberKind.SocialInsuranceCode10 : SocialInsuranceNumberKind.PersonalId12;
        return new SocialInsuranceNumberReading(true, kind, run.Digits, null);
    }

    private static SocialInsuranceNumberReading Invalid(string key) => new(false, null, null, key);
}
