using PhoneNumbers;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads a Vietnamese mobile number from a message ("sdt em 0912.345.678", "+84 912 345 678").
/// Valid when libphonenumber (region VN) says it is a mobile, or when it is 10 digits with a prefix from the
/// carriers' published table (<see cref="MobilePrefixes"/>): libphonenumber only knows the blocks allocated when
/// its metadata was built (e.g. it refuses 0891…, 0551…), and a real student must not be turned away for that.
/// Problems: "phone.missing" (no number), "phone.landline" (a fixed line such as 024 3224 2059),
/// "phone.foreign" (a valid number of another country), "phone.wrong_length" (a mobile prefix
/// with too few/many digits), "phone.invalid" (anything else, e.g. 1900 9068).
/// </summary>
public static class PhoneRecognizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The student's own number, read from the whole message (<see cref="MessageReading"/>): a corrected number is the
    /// last one, a hedged one or two side by side are kept with their <see cref="Certainty"/> to be confirmed, and
    /// someone else's number alone is "phone.missing".
    /// </summary>
    public static PhoneReading Recognize(string text)
    {
        var (rewritten, spoken) = SpokenDigits.Rewrite(text ?? "");
        var runs = DigitRuns.Find(rewritten).Where(r => r.Digits.Length >= 6).ToList();
        if (runs.Count == 0) return Invalid(TextKeys.PhoneMissing);
        var valid = new List<Spotted<PhoneReading>>();
        PhoneReading? first = null;
        foreach (var run in runs)
        {
            var reading = Read(run);
            if (reading.IsValid) valid.Add(new Spotted<PhoneReading>(run.Index, run.Length, reading, spoken ? Certainty.Fuzzy : Certainty.Extracted));
            first ??= reading;
        }
        if (MessageReading.Pick(rewritten, valid, ByNumber) is not { } picked) return first!;
        if (picked.Certainty == Certainty.SomeoneElse) return Invalid(TextKeys.PhoneMissing) with { Certainty = Certainty.SomeoneElse };
        var certainty = picked.Certainty == Certainty.Exact && picked.Value.Display != (text ?? "").Trim() ? Certainty.Normalised : picked.Certainty;
        return picked.Value with { Certainty = certainty, Candidates = picked.Candidates.Select(c => c.Display!).ToList() };
    }

    private static readonly IEqualityComparer<PhoneReading> ByNumber =
        EqualityComparer<PhoneReading>.Create((a, b) => a?.E164 == b?.E164, r => r.E164?.GetHashCode(StringComparison.Ordinal) ?? 0);

    private static PhoneReading Read(DigitRuns.DigitRun run)
    {
        var digits = run.Digits;
        // "84912345678" typed without "+" is a Vietnamese number in international form.
        var candidate = run.HasPlus ? "+" + digits : digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11 ? "+" + digits : digits;
        PhoneNumber number;
        try { number = Util.Parse(candidate, "VN"); }
        catch (NumberParseException) { return Invalid(TextKeys.PhoneInvalid); }

        if (number.CountryCode != 84)
            return Invalid(Util.IsValidNumber(number) ? TextKeys.PhoneForeign : TextKeys.PhoneInvalid);
        var national = "0" + number.NationalNumber;
        var published = MobilePrefixes.CarrierOf(national) is not null;
        if (Util.IsValidNumber(number))
        {
            var type = Util.GetNumberType(number);
            if (type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
                return new PhoneReading(true, Util.Format(number, PhoneNumberFormat.E164), national, null);
            return Invalid(type is PhoneNumberType.FIXED_LINE ? TextKeys.PhoneLandline : TextKeys.PhoneInvalid);
        }
        if (published && national.Length == 10)
            return new PhoneReading(true, "+84" + national[1..], national, null);
        return Invalid(published ? TextKeys.PhoneWrongLength : TextKeys.PhoneInvalid);
    }

    private static PhoneReading Invalid(string key) => new(false, null, null, key);
}
