using System.Globalization;
using System.Text;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>
/// Reads the text of the QR code on a Vietnamese ID card (format and sources in CCCD-QR.md):
/// <c>number|former CMND|full name|ddMMyyyy birth|Nam/Nữ|address|ddMMyyyy issue</c>, with trailing fields (the 2024
/// card may add some) ignored. Every value is checked, and the number's own structure must agree with the birth date and
/// sex: a value that could be wrong is never returned. Pure and thread-safe.
/// </summary>
public static class IdCardQrParser
{
    private const int MaxTextLength = 1000, MaxAddressLength = 300, MaxNameWords = 10, MaxNameLength = 80;
    private const int FieldCount = 7;
    private static readonly DateOnly FirstQrCard = new(2021, 1, 1); // chip CCCD with QR: Thông tư 06/2021/TT-BCA

    public static IdCardQrReading Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength) return IdCardQrReading.Of(IdCardQrProblem.NotIdCard);
        var fields = text.Normalize(NormalizationForm.FormC).Split('|');
        // Anything but "12 digits|…" with enough fields is another QR code (a link, a bank transfer, a ticket).
        if (fields.Length < FieldCount || PersonalIdNumber.Read(fields[0].Trim()) is not { } number)
            return IdCardQrReading.Of(IdCardQrProblem.NotIdCard);
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n'))) return IdCardQrReading.Of(IdCardQrProblem.Malformed);

        var former = fields[1].Trim();
        var name = Name(fields[2]);
        var birth = Date(fields[3]);
        var female = Sex(fields[4]);
        var address = Address(fields[5]);
        var issued = Date(fields[6]);
        if (former.Length is not (0 or 9 or 12) || !former.All(char.IsAsciiDigit) || name is null || birth is not { } birthDate
            || female is not { } isFemale || address is null || issued is not { } issueDate)
            return IdCardQrReading.Of(IdCardQrProblem.Malformed);

        var agrees = number.BirthProvince is not null
            && number.BirthYear == birthDate.Year && number.IsFemale == isFemale
            && birthDate <= today && issueDate >= FirstQrCard && issueDate <= today.AddDays(1) && issueDate >= birthDate;
        if (!agrees) return IdCardQrReading.Of(IdCardQrProblem.FailsChecks);
        return new IdCardQrReading(new IdCardQr(number.Digits, former.Length == 0 ? null : former, name, birthDate, isFemale, address, issueDate), null);
    }

    /// <summary>Words of letters (an apostrophe inside allowed: "H'Hen"), as printed; a name all in capitals is title-cased.</summary>
    private static string? Name(string field)
    {
        var words = field.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is < 2 or > MaxNameWords || words.Sum(w => w.Length) > MaxNameLength) return null;
        if (words.Any(w => !char.IsLetter(w[0]) || !w.All(c => char.IsLetter(c) || c == '\''))) return null;
        var name = string.Join(' ', words);
        return name == name.ToUpper(CultureInfo.InvariantCulture)
            ? string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()))
            : name;
    }

    private static DateOnly? Date(string field)
        => DateOnly.TryParseExact(field.Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900 ? date : null;

    /// <summary>"Nam" or "Nữ", as the card prints it.</summary>
    private static bool? Sex(string field) => field.Trim().ToLowerInvariant() switch
    {
        "nam" => false,
        "nữ" => true,
        _ => null,
    };

    private static string? Address(string field)
    {
        var address = string.Join(' ', field.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return address.Length is > 0 and <= MaxAddressLength && address.Count(char.IsLetter) >= 2 ? address : null;
    }
}
