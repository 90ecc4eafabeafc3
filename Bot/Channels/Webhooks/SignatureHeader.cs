using System.Security.Cryptography;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>A signature header of the form <c>prefix=hex</c>, compared with the expected digest in fixed time.</summary>
public static class SignatureHeader
{
    public static bool Matches(string? header, string prefix, ReadOnlySpan<byte> expected)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        byte[] provided;
        try
        {
            provided = Convert.FromHexString(header.AsSpan(prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }
}
