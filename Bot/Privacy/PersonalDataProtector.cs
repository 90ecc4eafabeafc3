using System.Buffers;
using System.Collections.Concurrent;
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
    private readonly Ciphers current;
    private readonly string textHeader;
    private readonly FrozenDictionary<string, Ciphers> keys;

    /// <param name="currentKey">32 bytes; encrypts and decrypts.</param>
    /// <param name="previousKeys">32 bytes each; decrypt only (rotation).</param>
    public PersonalDataProtector(byte[] currentKey, IEnumerable<byte[]>? previousKeys = null)
    {
        var all = new[] { currentKey }.Concat(previousKeys ?? []).ToList();
        if (all.Any(k => k.Length != 32))
            throw new ArgumentException("A personal data key must be 32 bytes (AES-256).");
        currentKeyId = KeyId(currentKey);
        textHeader = $"{Prefix}{currentKeyId}:";
        keys = all.DistinctBy(KeyId).ToFrozenDictionary(KeyId, k => new Ciphers(k));
        current = keys[currentKeyId];
    }

    public string CurrentKeyId => currentKeyId;

    public static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    public bool IsProtected(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext, string context) => ProtectToText(Encoding.UTF8.GetBytes(plaintext), context);

    public string ProtectToText(ReadOnlySpan<byte> plaintext, string context)
    {
        // Every turn stores its state this way: the payload is pooled and the text built in one allocation.
        var payload = Seal(plaintext, context, out var length);
        try
        {
            return string.Create(TextLength(length), (textHeader, payload, length), static (text, state) =>
            {
                state.textHeader.CopyTo(text);
                Convert.TryToBase64Chars(state.payload.AsSpan(0, state.length), text[state.textHeader.Length..], out _);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    public byte[] ProtectToAscii(ReadOnlySpan<byte> plaintext, string context)
    {
        var payload = Seal(plaintext, context, out var length);
        try
        {
            var text = new byte[TextLength(length)];
            var header = Encoding.ASCII.GetBytes(textHeader, text);
            System.Buffers.Text.Base64.EncodeToUtf8(payload.AsSpan(0, length), text.AsSpan(header), out _, out _);
            return text;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    public byte[] ProtectToAscii(string plaintext, string context)
    {
        // The text's UTF-8 in a pooled buffer: no copy of it is left for the GC (every transcript line, issue 12).
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(plaintext.Length));
        try
        {
            return ProtectToAscii(utf8.AsSpan(0, Encoding.UTF8.GetBytes(plaintext, utf8)), context);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The encrypted payload (nonce, tag, ciphertext) in a buffer rented from the shared pool: <paramref name="length"/> bytes; the caller returns it.</summary>
    private byte[] Seal(ReadOnlySpan<byte> plaintext, string context, out int length)
    {
        length = NonceSize + TagSize + plaintext.Length;
        var payload = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encrypt(plaintext, context, payload.AsSpan(0, length));
            return payload;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(payload);
            throw;
        }
    }

    /// <summary>The text form's length: the header, then the payload in base64.</summary>
    private int TextLength(int payloadLength) => textHeader.Length + (payloadLength + 2) / 3 * 4;

    public string Unprotect(string protectedText, string context) => Encoding.UTF8.GetString(UnprotectToBytes(protectedText, context));

    public byte[] UnprotectToBytes(string protectedText, string context)
    {
        if (!IsProtected(protectedText))
            throw new CryptographicException("The value is not in the personal data format (enc:v1:).");
        var rest = protectedText.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
            throw new CryptographicException("The protected value has no key id.");
        var base64 = rest[(colon + 1)..];
        var payload = ArrayPool<byte>.Shared.Rent(base64.Length / 4 * 3 + 3);
        try
        {
            if (!Convert.TryFromBase64Chars(base64, payload, out var written))
                throw new CryptographicException("The protected value is damaged (not base64).");
            return Decrypt(rest[..colon].ToString(), payload.AsSpan(0, written), context);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    /// <summary>Binary header: the ASCII prefix and key id (<c>enc:v1:{keyId}:</c>), then nonce | tag | ciphertext.</summary>
    public byte[] ProtectBytes(ReadOnlySpan<byte> plaintext, string context)
    {
        var result = new byte[textHeader.Length + NonceSize + TagSize + plaintext.Length];
        var header = Encoding.ASCII.GetBytes(textHeader, result);
        Encrypt(plaintext, context, result.AsSpan(header));
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

    /// <summary>Writes nonce | tag | ciphertext of <paramref name="plain"/> into <paramref name="payload"/> (exactly that long).</summary>
    private void Encrypt(ReadOnlySpan<byte> plain, string context, Span<byte> payload)
    {
        var nonce = payload[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        var aes = current.Take();
        try
        {
            aes.Encrypt(nonce, plain, payload[(NonceSize + TagSize)..], payload.Slice(NonceSize, TagSize), AssociatedData(context, stackalloc byte[MaxStackContext]));
        }
        finally
        {
            current.Return(aes);
        }
    }

    private byte[] Decrypt(string keyId, ReadOnlySpan<byte> payload, string context)
    {
        if (!keys.TryGetValue(keyId, out var ciphers))
            throw new CryptographicException(
                $"The value was encrypted with key {keyId}, which is not configured (current key {currentKeyId}): check DataProtection:Key / DataProtection:PreviousKeys.");
        if (payload.Length < NonceSize + TagSize)
            throw new CryptographicException("The protected value is truncated.");
        var plain = new byte[payload.Length - NonceSize - TagSize];
        var aes = ciphers.Take();
        try
        {
            // Throws AuthenticationTagMismatchException (a CryptographicException) on tampering or a context mismatch.
            aes.Decrypt(payload[..NonceSize], payload[(NonceSize + TagSize)..], payload.Slice(NonceSize, TagSize), plain, AssociatedData(context, stackalloc byte[MaxStackContext]));
        }
        finally
        {
            ciphers.Return(aes);
        }
        return plain;
    }

    private const int MaxStackContext = 512;

    /// <summary>The context (a storage key) as UTF-8: in <paramref name="buffer"/> when it fits, else on the heap.</summary>
    private static ReadOnlySpan<byte> AssociatedData(string context, Span<byte> buffer) =>
        Encoding.UTF8.GetMaxByteCount(context.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(context, buffer)]
            : Encoding.UTF8.GetBytes(context);

    /// <summary>
    /// AES-GCM instances of one key, reused: creating one imports the key into a new native context on every value.
    /// An instance serves one caller at a time; the bag holds at most as many as ever ran at once.
    /// </summary>
    private sealed class Ciphers(byte[] key)
    {
        private readonly ConcurrentBag<AesGcm> idle = [];

        public AesGcm Take() => idle.TryTake(out var aes) ? aes : new AesGcm(key, TagSize);

        public void Return(AesGcm aes) => idle.Add(aes);
    }
}
