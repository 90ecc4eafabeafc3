using System.Security.Cryptography;
using System.Text;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Zalo signs each webhook event: <c>X-ZEvent-Signature: [mac=]&lt;hex SHA-256 of app_id + raw body + timestamp + OA secret key&gt;</c>,
/// the timestamp being the event's own <c>timestamp</c> field (a plain hash, not an HMAC: see PROTOCOL.md).
/// Computed over the exact bytes received and compared in fixed time.
/// </summary>
public static class ZaloSignature
{
    public const string HeaderName = "X-ZEvent-Signature";
    private const string Prefix = "mac=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appId, string timestamp, string oaSecretKey) =>
        SignatureHeader.Matches(header, Prefix, Mac(body, appId, timestamp, oaSecretKey), prefixOptional: true);

    /// <summary>The header value Zalo would send (tests, trying the webhook by hand).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appId, string timestamp, string oaSecretKey) =>
        Prefix + Convert.ToHexStringLower(Mac(body, appId, timestamp, oaSecretKey));

    private static byte[] Mac(ReadOnlySpan<byte> body, string appId, string timestamp, string oaSecretKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(body);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return hash.GetHashAndReset();
    }
}
