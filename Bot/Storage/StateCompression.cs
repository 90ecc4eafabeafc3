using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace VssBot.Bot.Storage;

/// <summary>
/// Stored state is compressed before it is encrypted: state JSON is repetitive (a student's profile and dialog stack
/// shrink two- to three-fold), so each row stays small (issue 12: ≤ 4 KB per student) and less is encrypted, written and
/// read per turn. Current form: the bytes <see cref="Marker"/> then raw Deflate at level 1 (zlib-ng). Read as well, from
/// earlier versions: <see cref="BrotliMarker"/> + raw Brotli, <see cref="TextMarker"/> + base64 Brotli, and plain JSON
/// (written before compression).
/// </summary>
public static class StateCompression
{
    public const string Marker = "df1:";
    public const string BrotliMarker = "br2:";
    public const string TextMarker = "br1:";
    // Deflate level 1 rather than Brotli 1 (issue 12, state items of a Form 01 run, 2.4 KB of JSON on average):
    // 10 µs instead of 21 µs to compress, 5.5 µs instead of 11 µs to read back, for 1,057 bytes instead of 935. Brotli
    // also allocated its native hash tables for each item (1.4% of a turn's CPU in memset alone).
    private static readonly ZLibCompressionOptions Options = new() { CompressionLevel = 1 };

    private static ReadOnlySpan<byte> MarkerBytes => "df1:"u8;
    private static ReadOnlySpan<byte> BrotliMarkerBytes => "br2:"u8;

    /// <summary>
    /// <see cref="Marker"/> and the Deflate form of <paramref name="json"/> (UTF-8), in a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/>: <paramref name="length"/> bytes are used; the caller returns it.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> json, out int length)
    {
        // Deflate's worst case is stored blocks: 5 bytes per 16 KB block on top of the input, plus a few for the end.
        var buffer = ArrayPool<byte>.Shared.Rent(MarkerBytes.Length + json.Length + (json.Length >> 11) + 64);
        MarkerBytes.CopyTo(buffer);
        using var output = new MemoryStream(buffer, MarkerBytes.Length, buffer.Length - MarkerBytes.Length, writable: true);
        using (var deflate = new DeflateStream(output, Options, leaveOpen: true))
            deflate.Write(json);
        length = MarkerBytes.Length + (int)output.Position;
        return buffer;
    }

    /// <summary>The JSON of a stored (decrypted) value as text to read: decompressed when marked, else the text itself.</summary>
    public static TextReader Reader(byte[] plaintext)
    {
        if (plaintext.AsSpan().StartsWith(MarkerBytes))
            return new StreamReader(new DeflateStream(Body(plaintext), CompressionMode.Decompress), Encoding.UTF8);
        if (plaintext.AsSpan().StartsWith(BrotliMarkerBytes))
            return new StreamReader(new BrotliStream(Body(plaintext), CompressionMode.Decompress), Encoding.UTF8);
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

    private static MemoryStream Body(byte[] plaintext) =>
        new(plaintext, MarkerBytes.Length, plaintext.Length - MarkerBytes.Length, writable: false); // every marker is 4 bytes
}
