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

    public string Protect(string plaintext, string context)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + TagSize + plain.Length];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(currentKey, TagSize);
        aes.Encrypt(nonce, plain, payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return $"{Prefix}{currentKeyId}:{Convert.ToBase64String(payload)}";
    }

    public string Unprotect(string protectedText, string context)
    {
        if (!IsProtected(protectedText))
            throw new CryptographicException("The value is not in the personal data format (enc:v1:).");
        var rest = protectedText.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
            throw new CryptographicException("The protected value has no key id.");
        var keyId = rest[..colon].ToString();
        if (!keys.TryGetValue(keyId, out var key))
            throw new CryptographicException(
                $"The value was encrypted with key {keyId}, which is not configured (current key {currentKeyId}): check DataProtection:Key / DataProtection:PreviousKeys.");
        var payload = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        if (payload.Length < NonceSize + TagSize)
            throw new CryptographicException("The protected value is truncated.");
        var plain = new byte[payload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        // Throws AuthenticationTagMismatchException (a CryptographicException) on tampering or a context mismatch.
        aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize + TagSize), payload.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }
}
