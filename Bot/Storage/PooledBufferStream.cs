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
    /// A JSON writer into this stream: UTF-8 without a byte order mark, no indentation, Newtonsoft's buffers pooled, and a
    /// small encoder buffer (StreamWriter allocates its char and byte buffers per instance: 4 KB of chars was 12 KB of
    /// bytes per state item). Dispose it before reading <see cref="Written"/>; this stream stays open.
    /// </summary>
    public Newtonsoft.Json.JsonTextWriter JsonWriter(int bufferSize = 256) =>
        new(new StreamWriter(this, Utf8, bufferSize, leaveOpen: true)) { ArrayPool = SharedCharPool.Instance, Formatting = Newtonsoft.Json.Formatting.None };

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> source)
    {
        if (length + source.Length > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + source.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        source.CopyTo(buffer.AsSpan(length));
        length += source.Length;
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
