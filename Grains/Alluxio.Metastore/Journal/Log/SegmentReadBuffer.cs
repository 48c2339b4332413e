using System.Buffers;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// A forward-moving read window over a segment file, so frames are decoded from memory with few large reads.
/// Not thread-safe; one per scan or reader.
/// </summary>
internal sealed class SegmentReadBuffer : IDisposable
{
    private const int DefaultSize = 256 * 1024;
    private readonly IJournalFile _file;
    private byte[] _buffer;
    private long _start;
    private int _count;

    public SegmentReadBuffer(IJournalFile file)
    {
        _file = file;
        _buffer = ArrayPool<byte>.Shared.Rent(DefaultSize);
    }

    /// <summary>
    /// The bytes [offset, offset + count), fewer when <paramref name="limit"/> or the end of the file comes first.
    /// The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Read(long offset, int count, long limit)
    {
        var wanted = (int)Math.Clamp(limit - offset, 0, count);
        if (offset >= _start && offset + wanted <= _start + _count)
        {
            return _buffer.AsSpan((int)(offset - _start), wanted);
        }

        if (_buffer.Length < wanted)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(wanted);
        }

        var toRead = (int)Math.Min(_buffer.Length, limit - offset);
        var filled = 0;
        while (filled < toRead)
        {
            var read = _file.Read(_buffer.AsSpan(filled, toRead - filled), offset + filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        _start = offset;
        _count = filled;
        return _buffer.AsSpan(0, Math.Min(wanted, filled));
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _count = 0;
    }
}
