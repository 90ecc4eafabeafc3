namespace VssBot.Dialogs.Language;

/// <summary>
/// Every problem/warning key the recognizers return, plus a few the dialogs need to word their answers.
/// Each has a Vietnamese text in Texts/language.vi.json (a test checks it).
/// </summary>
public static class TextKeys
{
    public const string SinMissing = "sin.missing";
    public const string SinInvalid = "sin.invalid";
    public const string SinLooksLikeCmnd = "sin.looks_like_cmnd";
    public const string SinWrongLength = "sin.wrong_length";

    public const string IdInvalid = "id.invalid";
    public const string IdWrongLength = "id.wrong_length";
    public const string IdCmndExpired = "id.cmnd_expired";
    public const string IdUnknownProvince = "id.unknown_province";
    public const string IdBirthYearMismatch = "id.birth_year_mismatch";

    public const string PhoneMissing = "phone.missing";
    public const string PhoneInvalid = "phone.invalid";
    public const string PhoneLandline = "phone.landline";
    public const string PhoneForeign = "phone.foreign";
    public const string PhoneWrongLength = "phone.wrong_length";

    /// <summary>All keys, for checks.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(TextKeys).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray().AsReadOnly();
}
