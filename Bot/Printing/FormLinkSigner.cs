using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VssBot.Bot.Printing;

/// <summary>What a valid link names: one student's declaration, until when.</summary>
public sealed record FormLink(string StudentKey, int DeclarationNumber, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and verifies the tokens of printable-form links: base64url of
/// <c>version | expiry (unix seconds) | declaration number | student key (UTF-8) | HMAC-SHA256 of all before it</c>.
/// Unguessable without the key, bound to one student and declaration, and expiring; checked in fixed time.
/// </summary>
public sealed class FormLinkSigner
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + sizeof(long) + sizeof(int);
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int MaxTokenLength = 1024;

    private readonly byte[] key;
    private readonly TimeProvider time;

    public FormLinkSigner(byte[] key, TimeProvider time)
    {
        if (key.Length < 32)
            throw new ArgumentException("The link key must be at least 32 bytes.", nameof(key));
        this.key = key;
        this.time = time;
    }

    public string Sign(string studentKey, int declarationNumber, TimeSpan lifetime)
    {
        var expiresAt = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var student = Encoding.UTF8.GetBytes(studentKey);
        var token = new byte[HeaderLength + student.Length + MacLength];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1), expiresAt);
        BinaryPrimitives.WriteInt32BigEndian(token.AsSpan(1 + sizeof(long)), declarationNumber);
        student.CopyTo(token.AsSpan(HeaderLength));
        var signed = token.AsSpan(0, token.Length - MacLength);
        HMACSHA256.HashData(key, signed, token.AsSpan(signed.Length));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The link the token names, or null when it is malformed, tampered with, signed with another key or expired.</summary>
    public FormLink? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var length) != OperationStatus.Done || length < HeaderLength + MacLength)
            return null;
        var data = bytes.AsSpan(0, length);
        var signed = data[..^MacLength];
        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, signed, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, data[^MacLength..]) || signed[0] != Version)
            return null;

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(signed[1..]));
        if (time.GetUtcNow() >= expiresAt)
            return null;
        var number = BinaryPrimitives.ReadInt32BigEndian(signed[(1 + sizeof(long))..]);
        string student;
        try
        {
            student = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(signed[HeaderLength..]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return new FormLink(student, number, expiresAt);
    }
}
