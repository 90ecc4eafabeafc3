using System.Security.Cryptography;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>A signature header of the form <c>prefix=hex</c>, compared with the expected digest in fixed time.</summary>
public static class SignatureHeader
{
    /// <param name="prefixOptional">Accept the bare hex too (Zalo's examples show both <c>mac=hex</c> and <c>hex</c>).</param>
    public static bool Matches(string? header, string prefix, ReadOnlySpan<byte> expected, bool prefixOptional = false)
    {
        if (string.IsNullOrEmpty(header))
            return false;
        var trimmed = header.AsSpan().Trim();
        if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[prefix.Length..];
        else if (!prefixOptional)
            return false;
        byte[] provided;
        try
        {
            provided = Convert.FromHexString(trimmed.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }
}
