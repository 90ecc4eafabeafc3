using System.Buffers;

namespace VssBot.Bot.Storage;

/// <summary>
/// A write-only stream over buffers rented from <see cref="ArrayPool{T}.Shared"/>: what a state item is serialised
/// into before it is compressed, and the replies of /api/messages before they are sent. A <see cref="MemoryStream"/>
/// allocated and regrew a new array for every item of every turn (issue 12: the largest share of what encoding
/// allocated); here the buffer goes back to the pool on Dispose.
/// </summary>
internal sealed class PooledBufferStream(int initialCapacity = 16 * 1024) : Stream
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int length;

    /// <summary>What was written so far (valid until the next write or Dispose).</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    /// <summary><see cref="Written"/> as memory, for an asynchronous write (valid until the next write or Dispose).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

    /// <summary>
    /// A JSON writer into this stream: UTF-8 without a byte order mark, no indentation, Newtonsoft's buffers pooled, and
    /// the text encoded straight into this stream's buffer (a StreamWriter allocated a char and a byte buffer per state
    /// item and per reply, issue 12). Dispose it before reading <see cref="Written"/>; this stream stays open.
    /// </summary>
    public Newtonsoft.Json.JsonTextWriter JsonWriter() =>
        new(TextWriter()) { ArrayPool = SharedCharPool.Instance, Formatting = Newtonsoft.Json.Formatting.None };

    /// <summary>Text written as UTF-8 into this stream (what <see cref="JsonWriter"/> writes through).</summary>
    internal TextWriter TextWriter() => new Utf8Writer(this);

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Room for at least <paramref name="size"/> more bytes, to be committed with <see cref="Advance"/>.</summary>
    private Span<byte> Reserve(int size)
    {
        if (length + size > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + size));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return buffer.AsSpan(length);
    }

    private void Advance(int count) => length += count;

    /// <summary>
    /// Text to UTF-8 in the stream's own buffer. A write that cannot end inside a surrogate pair is encoded on its own
    /// (Newtonsoft writes most of a document as single ASCII characters and whole strings: the encoder's per-call work
    /// was 2% of a turn's CPU, issue 12); one <see cref="System.Text.Encoder"/> per writer keeps a surrogate pair that
    /// arrives in two writes whole; Dispose completes the text.
    /// </summary>
    private sealed class Utf8Writer(PooledBufferStream stream) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private readonly System.Text.Encoder encoder = Utf8.GetEncoder();
        private bool pendingHalf; // the encoder holds the first half of a surrogate pair

        public override System.Text.Encoding Encoding => Utf8;

        public override void Write(char value)
        {
            if (value < 0x80 && !pendingHalf)
            {
                stream.Reserve(1)[0] = (byte)value;
                stream.Advance(1);
            }
            else
            {
                Write(new ReadOnlySpan<char>(in value));
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty)
                return;
            if (!pendingHalf && !char.IsHighSurrogate(chars[^1]))
            {
                // Nothing carried in or out: the stateless encoding gives the same bytes as the encoder.
                var room = stream.Reserve(Utf8.GetMaxByteCount(chars.Length));
                stream.Advance(Utf8.GetBytes(chars, room));
                return;
            }
            Encode(chars, flush: false);
            pendingHalf = char.IsHighSurrogate(chars[^1]);
        }

        // Nothing is buffered here; half of a surrogate pair waits for its other half until Dispose.
        public override void Flush() { }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Encode([], flush: true);
                pendingHalf = false;
            }
            base.Dispose(disposing);
        }

        private void Encode(ReadOnlySpan<char> chars, bool flush)
        {
            // At most one surrogate half is pending from the previous write: room for it too.
            var room = stream.Reserve(Utf8.GetMaxByteCount(chars.Length + 1));
            encoder.Convert(chars, room, flush, out _, out var written, out _);
            stream.Advance(written);
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source)
    {
        source.CopyTo(Reserve(source.Length));
        Advance(source.Length);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
        }
        base.Dispose(disposing);
    }
}

/// <summary>Newtonsoft's reader and writer buffers from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class SharedCharPool : Newtonsoft.Json.IArrayPool<char>
{
    public static readonly SharedCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
            ArrayPool<char>.Shared.Return(array);
    }
}
