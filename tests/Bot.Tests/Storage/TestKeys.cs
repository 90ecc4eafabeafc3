using VssBot.Bot.Privacy;

namespace VssBot.Bot.Tests.Storage;

/// <summary>Fixed personal data keys for tests (never used outside tests).</summary>
public static class TestKeys
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] OtherKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    public static string Base64 => Convert.ToBase64String(Key);

    public static PersonalDataProtector Protector() => new(Key);
}
