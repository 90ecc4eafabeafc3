using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VssBot.Bot.Printing;

/// <summary>What a valid long link (the first links, still honoured until they expire) names: one student's declaration, until when.</summary>
public sealed record FormLink(string StudentKey, int DeclarationNumber, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and verifies the tokens of printable-form links. Short links (sent today) name a receipt and carry a tag:
/// <c>{receipt without "VSS-"}-{base64url of the first 9 bytes of HMAC-SHA256(purpose | receipt)}</c>, 72 bits that cannot
/// be guessed without the key; the receipt leads to the declaration, whose date sets the expiry (<see cref="ShortFormLinks"/>).
/// Long links (sent before, honoured until they expire): base64url of
/// <c>version | expiry (unix seconds) | declaration number | student key (UTF-8) | HMAC-SHA256 of all before it</c>.
/// Both are checked in fixed time.
/// </summary>
public sealed class FormLinkSigner
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + sizeof(long) + sizeof(int);
    private const int MacLength = HMACSHA256.HashSizeInBytes;
    private const int MaxTokenLength = 1024;
    // 9 bytes: 72 bits (at least 64 asked for), exactly 12 base64url characters with no padding.
    private const int ReceiptTagBytes = 9;
    public const int ReceiptTagLength = 12;
    // Its own message domain: a long token's bytes never start with this.
    private const string ReceiptPurpose = "VssBot printable form short link v1\0";

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

    /// <summary>The tag of a short link to <paramref name="receiptNumber"/>: 12 base64url characters.</summary>
    public string TagReceipt(string receiptNumber)
    {
        Span<byte> tag = stackalloc byte[ReceiptTagBytes];
        ReceiptMac(receiptNumber, tag);
        return Base64Url.EncodeToString(tag);
    }

    /// <summary>Whether <paramref name="tag"/> is the tag of <paramref name="receiptNumber"/> (fixed time).</summary>
    public bool IsReceiptTag(string receiptNumber, string tag)
    {
        Span<byte> given = stackalloc byte[ReceiptTagBytes + 3];
        if (tag.Length != ReceiptTagLength || Base64Url.DecodeFromChars(tag, given, out _, out var length) != OperationStatus.Done || length != ReceiptTagBytes)
            return false;
        Span<byte> expected = stackalloc byte[ReceiptTagBytes];
        ReceiptMac(receiptNumber, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..ReceiptTagBytes]);
    }

    private void ReceiptMac(string receiptNumber, Span<byte> tag)
    {
        var message = Encoding.UTF8.GetBytes(ReceiptPurpose + receiptNumber);
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, message, mac);
        mac[..tag.Length].CopyTo(tag);
    }

    /// <summary>The long link the token names, or null when it is malformed, tampered with, signed with another key or expired.</summary>
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
