namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads the "Mã số BHXH" answer: the legacy 10-digit social-insurance code or, since 1/8/2025,
/// the 12-digit personal ID. Spaces, dots and dashes between digits are ignored.
/// Problems: "sin.missing" (no number), "sin.looks_like_cmnd" (9 digits: an old ID card number),
/// "sin.wrong_length" (any other count of digits), "sin.invalid" (letters mixed into the number).
/// </summary>
public static class SocialInsuranceNumberRecognizer
{
    /// <summary>Read from the whole message (<see cref="MessageReading"/>); a 10-digit code is preferred over a 12-digit ID when both are typed.</summary>
    public static SocialInsuranceNumberReading Recognize(string text)
    {
        var (rewritten, spoken) = SpokenDigits.Rewrite(text ?? "");
        var runs = DigitRuns.Find(rewritten);
        var usable = runs.Where(r => r.Digits.Length == 10).ToList();
        if (usable.Count == 0) usable = runs.Where(r => r.Digits.Length == 12).ToList();
        if (usable.Count == 0)
        {
            if (runs.Count == 0)
                return Invalid(VietnameseText.Tokens(text ?? "").Any(t => t.Any(char.IsAsciiDigit)) ? TextKeys.SinInvalid : TextKeys.SinMissing);
            var longest = runs.MaxBy(r => r.Digits.Length);
            return Invalid(longest.Digits.Length == 9 ? TextKeys.SinLooksLikeCmnd : TextKeys.SinWrongLength);
        }
        var spotted = usable.Select(r => new Spotted<string>(r.Index, r.Length, r.Digits, spoken ? Certainty.Fuzzy : Certainty.Extracted)).ToList();
        var picked = MessageReading.Pick(rewritten, spotted)!;
        if (picked.Certainty == Certainty.SomeoneElse) return Invalid(TextKeys.SinMissing) with { Certainty = Certainty.SomeoneElse };
        var kind = picked.Value.Length == 10 ? SocialInsuranceNumberKind.SocialInsuranceCode10 : SocialInsuranceNumberKind.PersonalId12;
        return new SocialInsuranceNumberReading(true, kind, picked.Value, null, picked.Certainty, picked.Candidates);
    }

    private static SocialInsuranceNumberReading Invalid(string key) => new(false, null, null, key);
}
