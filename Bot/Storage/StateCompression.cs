using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace VssBot.Bot.Storage;

/// <summary>
/// Stored state is Brotli-compressed before it is encrypted: state JSON with type names is repetitive (a student's
/// profile and dialog stack shrink about five-fold), so each row stays small (issue 12: ≤ 4 KB per student) and less is
/// encrypted, written and read per turn. Current form: the bytes <see cref="Marker"/> then raw Brotli (no base64 inside
/// the encrypted value, no UTF-16 copy of the JSON). Read as well: <see cref="TextMarker"/> + base64 (written before) and
/// plain JSON (written before compression).
/// </summary>
public static class StateCompression
{
    public const string Marker = "br2:";
    public const string TextMarker = "br1:";
    // Brotli 1 with a 64 KB window: measured on a completed profile (4.7 KB of JSON) it takes a fifth of quality 5's
    // time for 1.2× its size (1,075 vs 900 bytes); quality 2 and up set up hash tables larger than a state item.
    // Readers take any quality and window, so rows written with other settings still read.
    private const int Quality = 1;
    private const int Window = 16;

    private static ReadOnlySpan<byte> MarkerBytes => "br2:"u8;

    /// <summary>
    /// <see cref="Marker"/> and the Brotli form of <paramref name="json"/> (UTF-8), in a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/>: <paramref name="length"/> bytes are used; the caller returns it.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> json, out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MarkerBytes.Length + BrotliEncoder.GetMaxCompressedLength(json.Length));
        MarkerBytes.CopyTo(buffer);
        if (!BrotliEncoder.TryCompress(json, buffer.AsSpan(MarkerBytes.Length), out var written, Quality, Window))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidOperationException("Brotli could not compress the state.");
        }
        length = MarkerBytes.Length + written;
        return buffer;
    }

    /// <summary>The JSON of a stored (decrypted) value as text to read: decompressed when marked, else the text itself.</summary>
    public static TextReader Reader(byte[] plaintext)
    {
        if (plaintext.AsSpan().StartsWith(MarkerBytes))
            return new StreamReader(new BrotliStream(new MemoryStream(plaintext, MarkerBytes.Length, plaintext.Length - MarkerBytes.Length, writable: false),
                CompressionMode.Decompress), Encoding.UTF8);
        return Reader(Encoding.UTF8.GetString(plaintext));
    }

    /// <summary>As <see cref="Reader(byte[])"/> for a value stored as text (before encryption, or the older base64 form).</summary>
    public static TextReader Reader(string text)
    {
        if (!text.StartsWith(TextMarker, StringComparison.Ordinal))
            return new StringReader(text);
        var compressed = Convert.FromBase64String(text[TextMarker.Length..]);
        return new StreamReader(new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress), Encoding.UTF8);
    }
}
