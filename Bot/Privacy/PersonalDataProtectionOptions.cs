namespace VssBot.Bot.Privacy;

/// <summary>The key that encrypts personal data at rest. Bound from the "DataProtection" section.</summary>
public sealed class PersonalDataProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>). Required with PostgreSQL (every instance needs the same key).
    /// Empty with SQLite: a development key is generated next to the database file on first run.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Keys used before <see cref="Key"/>, kept to read values not yet rewritten with the new key.</summary>
    public List<string> PreviousKeys { get; set; } = [];

    internal static bool IsValidKey(string? base64)
    {
        var buffer = new byte[33];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32;
    }
}
