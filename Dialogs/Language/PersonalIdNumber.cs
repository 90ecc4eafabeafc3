namespace VssBot.Dialogs.Language;

/// <summary>
/// What the digits of a 12-digit personal ID number (số định danh cá nhân, printed on CCCD/căn cước) say by themselves
/// (Nghị định 137/2015/NĐ-CP Điều 13, Thông tư 59/2021/TT-BCA Điều 4): digits 1–3 the province where the birth was
/// registered, digit 4 century and sex (0/1 1900s male/female, 2/3 2000s, 4/5 2100s…), digits 5–6 the last two digits
/// of the birth year, then six random digits.
/// </summary>
/// <param name="BirthProvince">Name of the birth-registration province, or null when the code is not in <see cref="BirthProvinces"/>.</param>
public sealed record PersonalIdNumber(string Digits, string ProvinceCode, string? BirthProvince, int BirthYear, bool IsFemale)
{
    /// <summary>The structure of twelve ASCII digits; null for anything else.</summary>
    public static PersonalIdNumber? Read(string? digits)
    {
        if (digits is not { Length: 12 } || !digits.All(char.IsAsciiDigit)) return null;
        var centuryAndSex = digits[3] - '0';
        var year = 1900 + centuryAndSex / 2 * 100 + (digits[4] - '0') * 10 + (digits[5] - '0');
        return new PersonalIdNumber(digits, digits[..3], BirthProvinces.NameOf(digits[..3]), year, centuryAndSex % 2 == 1);
    }
}
