namespace VssBot.Bot.Privacy;

/// <summary>
/// Masks identifying values for logs: enough to tell two students apart when debugging, not enough to identify one.
/// Phone 0912***678, ID number 0012******45, email a***@gmail.com; anything else keeps its first and last character.
/// </summary>
public static class PersonalDataMask
{
    public static string Phone(string? phone)
    {
        var digits = Digits(phone);
        return digits.Length < 8 ? Stars(digits.Length) : $"{digits[..4]}***{digits[^3..]}";
    }

    public static string IdNumber(string? id)
    {
        var digits = Digits(id);
        return digits.Length < 8 ? Stars(digits.Length) : $"{digits[..4]}{Stars(digits.Length - 6)}{digits[^2..]}";
    }

    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
            return "";
        var at = email.LastIndexOf('@');
        return at <= 0 ? Text(email) : $"{email[0]}***{email[at..]}";
    }

    /// <summary>Any other identifying text (a name, a photo reference): first and last character only.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 2 ? Stars(value.Length) : $"{value[0]}***{value[^1]}";

    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiDigit).ToArray());

    private static string Stars(int count) => new('*', Math.Max(count, 0));
}
