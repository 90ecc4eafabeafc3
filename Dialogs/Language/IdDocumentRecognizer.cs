using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Reads the "Số CMND/HC/CC" answer from a sentence ("cccd của em là 001 203 012 345").
/// <list type="bullet">
/// <item>12 digits: personal ID (CCCD / thẻ căn cước). Digits 1–3 birth province (unknown → warning
/// "id.unknown_province"), digit 4 gender and century (0/1 1900s, 2/3 2000s, 4/5 2100s…), digits 5–6 the
/// year; a year contradicting the stated birth year → warning "id.birth_year_mismatch".</item>
/// <item>9 digits: an old CMND, expired since the end of 2024 → invalid, "id.cmnd_expired".</item>
/// <item>A letter and 7 digits ("C1234567", any case): a Vietnamese passport; other 6–9 letters and
/// digits with at least one of each: a foreign passport. Stored upper case.</item>
/// <item>Any other count of digits → "id.wrong_length"; nothing usable → "id.invalid".</item>
/// </list>
/// </summary>
public static partial class IdDocumentRecognizer
{
    public static IdDocumentReading Recognize(string text, int? statedBirthYear = null)
    {
        var (rewritten, spoken) = SpokenDigits.Rewrite(text ?? "");
        text = rewritten;
        var runs = DigitRuns.Find(text);
        var ids = runs.Where(r => r.Digits.Length == 12)
            .Select(r => new Spotted<string>(r.Index, r.Length, r.Digits, spoken ? Certainty.Fuzzy : Certainty.Extracted)).ToList();
        if (MessageReading.Pick(text, ids) is { } picked)
        {
            if (picked.Certainty == Certainty.SomeoneElse) return Invalid(TextKeys.IdInvalid) with { Certainty = Certainty.SomeoneElse };
            return PersonalId(picked.Value, statedBirthYear) with { Certainty = picked.Certainty, Candidates = picked.Candidates };
        }
        if (runs.FirstOrDefault(r => r.Digits.Length == 9) is { Digits: not null } cmnd)
            return new IdDocumentReading(false, IdDocumentKind.ExpiredCmnd, cmnd.Digits, TextKeys.IdCmndExpired, [], null, null);

        var passport = PassportToken().Matches(text).Select(m => m.Value.ToUpperInvariant())
            .FirstOrDefault(t => t.Any(char.IsAsciiLetter) && t.Any(char.IsAsciiDigit));
        if (passport is not null)
            return new IdDocumentReading(true, IdDocumentKind.Passport, passport, null, [], null, null,
                MessageReading.IsUnsure(text) ? Certainty.Hedged : Certainty.Extracted);

        return Invalid(runs.Count > 0 ? TextKeys.IdWrongLength : TextKeys.IdInvalid);
    }

    private static IdDocumentReading PersonalId(string digits, int? statedBirthYear)
    {
        var warnings = new List<string>();
        var id = PersonalIdNumber.Read(digits)!;
        if (id.BirthProvince is null) warnings.Add(TextKeys.IdUnknownProvince);
        if (statedBirthYear is int stated && stated != id.BirthYear) warnings.Add(TextKeys.IdBirthYearMismatch);
        return new IdDocumentReading(true, IdDocumentKind.PersonalId, digits, null, warnings, id.BirthYear, id.BirthProvince);
    }

    private static IdDocumentReading Invalid(string key) => new(false, null, null, key, [], null, null);

    // Vietnamese passports are a letter and 7 digits (^[A-Z]\d{7}$); other passports 6–9 letters and digits.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z0-9]{6,9}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PassportToken();
}
