using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace VssBot.Bot.Storage;

/// <summary>
/// Stored state is Brotli-compressed before it is encrypted: state JSON with type names is repetitive (a student's
/// profile and dialog stack shrink about five-fold), so each row stays small (issue 12: ≤ 4 KB per student) and less is
/// encrypted, written and read per turn. Marked with <see cref="Marker"/>; JSON without it (written before) is read as is.
/// </summary>
public static class StateCompression
{
    public const string Marker = "br1:";
    private const int Quality = 5; // Brotli 0–11: 5 is fast and already compresses state JSON well
    private const int Window = 22;

    public static string Compress(string json)
    {
        var plain = Encoding.UTF8.GetBytes(json);
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(plain.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(plain, buffer, out var written, Quality, Window))
                throw new InvalidOperationException("Brotli could not compress the state.");
            return Marker + Convert.ToBase64String(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The JSON of a stored text: decompressed when marked, else the text itself.</summary>
    public static string Decompress(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
            return text;
        var compressed = Convert.FromBase64String(text[Marker.Length..]);
        using var input = new MemoryStream(compressed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
