using System.Security.Cryptography;
using System.Text;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Meta signs each webhook POST: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body, keyed with
/// the app secret&gt;</c>. Checked over the exact bytes received (never re-serialised JSON) and compared in
/// fixed time, so the comparison does not tell an attacker how many leading bytes were right.
/// </summary>
public static class MessengerSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret) =>
        SignatureHeader.Matches(header, Prefix, HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>The header value Meta would send for <paramref name="body"/> (tests, the .http file's helper).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
