using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace VssBot.Bot.Privacy;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Text form: <c>enc:v1:{keyId}:{base64(nonce | tag | ciphertext)}</c>.
/// The key id (first 8 hex digits of the key's SHA-256) says which key encrypted a value, so keys can be rotated:
/// new values use the current key, old ones still decrypt with a previous key until they are rewritten.
/// </summary>
public sealed class PersonalDataProtector : IPersonalDataProtector
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string currentKeyId;
    private readonly byte[] currentKey;
    private readonly FrozenDictionary<string, byte[]> keys;

    /// <param name="currentKey">32 bytes; encrypts and decrypts.</param>
    /// <param name="previousKeys">32 bytes each; decrypt only (rotation).</param>
    public PersonalDataProtector(byte[] currentKey, IEnumerable<byte[]>? previousKeys = null)
    {
        var all = new[] { currentKey }.Concat(previousKeys ?? []).ToList();
        if (all.Any(k => k.Length != 32))
            throw new ArgumentException("A personal data key must be 32 bytes (AES-256).");
        this.currentKey = currentKey;
        currentKeyId = KeyId(currentKey);
        keys = all.DistinctBy(KeyId).ToFrozenDictionary(KeyId, k => k);
    }

    public string CurrentKeyId => currentKeyId;

    public static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    public bool IsProtected(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext, string context) => ProtectToText(Encoding.UTF8.GetBytes(plaintext), context);

    public string ProtectToText(ReadOnlySpan<byte> plaintext, string context) =>
        $"{Prefix}{currentKeyId}:{Convert.ToBase64String(Encrypt(plaintext, context))}";

    public string Unprotect(string protectedText, string context) => Encoding.UTF8.GetString(UnprotectToBytes(protectedText, context));

    public byte[] UnprotectToBytes(string protectedText, string context)
    {
        if (!IsProtected(protectedText))
            throw new CryptographicException("The value is not in the personal data format (enc:v1:).");
        var rest = protectedText.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
            throw new CryptographicException("The protected value has no key id.");
        var payload = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        return Decrypt(rest[..colon].ToString(), payload, context);
    }

    /// <summary>Binary header: the ASCII prefix and key id (<c>enc:v1:{keyId}:</c>), then nonce | tag | ciphertext.</summary>
    public byte[] ProtectBytes(ReadOnlySpan<byte> plaintext, string context)
    {
        var header = Encoding.ASCII.GetBytes($"{Prefix}{currentKeyId}:");
        var payload = Encrypt(plaintext, context);
        var result = new byte[header.Length + payload.Length];
        header.CopyTo(result, 0);
        payload.CopyTo(result, header.Length);
        return result;
    }

    public byte[] UnprotectBytes(ReadOnlySpan<byte> protectedBytes, string context)
    {
        if (!IsProtected(protectedBytes))
            throw new CryptographicException("The data is not in the personal data format (enc:v1:).");
        var rest = protectedBytes[Prefix.Length..];
        var colon = rest.IndexOf((byte)':');
        if (colon <= 0)
            throw new CryptographicException("The protected data has no key id.");
        return Decrypt(Encoding.ASCII.GetString(rest[..colon]), rest[(colon + 1)..], context);
    }

    public bool IsProtected(ReadOnlySpan<byte> data) => data.StartsWith(PrefixBytes);

    private static ReadOnlySpan<byte> PrefixBytes => "enc:v1:"u8;

    private byte[] Encrypt(ReadOnlySpan<byte> plain, string context)
    {
        var payload = new byte[NonceSize + TagSize + plain.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(currentKey, TagSize);
        aes.Encrypt(nonce, plain, payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return payload;
    }

    private byte[] Decrypt(string keyId, ReadOnlySpan<byte> payload, string context)
    {
        if (!keys.TryGetValue(keyId, out var key))
            throw new CryptographicException(
                $"The value was encrypted with key {keyId}, which is not configured (current key {currentKeyId}): check DataProtection:Key / DataProtection:PreviousKeys.");
        if (payload.Length < NonceSize + TagSize)
            throw new CryptographicException("The protected value is truncated.");
        var plain = new byte[payload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        // Throws AuthenticationTagMismatchException (a CryptographicException) on tampering or a context mismatch.
        aes.Decrypt(payload[..NonceSize], payload[(NonceSize + TagSize)..], payload.Slice(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(context));
        return plain;
    }
}
