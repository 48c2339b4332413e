namespace Alluxio.Grpc.Http2;

/// <summary>
/// Reads HTTP/2 frames from a byte stream through one receive buffer. A frame's header is read first; its payload
/// then either into a buffer of the caller's (<see cref="ReadExactlyAsync"/>), or a piece at a time straight into
/// the caller's memory (<see cref="ReadSomeAsync"/>: large reads bypass the receive buffer, so the bytes of a large
/// DATA frame are copied once, by the kernel). Not thread-safe: one reader per connection.
/// </summary>
public sealed class Http2FrameReader
{
    /// <summary>Reads at least this long go straight from the transport into the caller's memory when nothing is buffered.</summary>
    private const int DirectReadThreshold = 4096;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public Http2FrameReader(Stream stream, int bufferSize = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, Http2FrameHeader.Size * 4);
        _stream = stream;
        _buffer = GC.AllocateUninitializedArray<byte>(bufferSize);
    }

    /// <summary>Bytes received and not consumed yet.</summary>
    public int Buffered => _end - _start;

    /// <summary>
    /// Reads the next frame's header, or null when the peer closed the connection cleanly between frames.
    /// <paramref name="readAhead"/> caps how many bytes past the header are read into the buffer when it must be
    /// filled: small before a large DATA payload (that then goes straight to its destination), the whole buffer otherwise.
    /// </summary>
    /// <exception cref="EndOfStreamException">The connection closed inside a frame header.</exception>
    public async ValueTask<Http2FrameHeader?> ReadHeaderAsync(int readAhead = int.MaxValue, CancellationToken cancellationToken = default)
    {
        if (Buffered < Http2FrameHeader.Size)
        {
            Compact();
            var limit = (int)Math.Min(_buffer.Length, Http2FrameHeader.Size + (long)Math.Max(0, readAhead));
            while (Buffered < Http2FrameHeader.Size)
            {
                var n = await _stream.ReadAsync(_buffer.AsMemory(_end, limit - _end), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    if (Buffered == 0)
                        return null;
                    throw new EndOfStreamException("The connection closed inside a frame header.");
                }

                _end += n;
            }
        }

        var header = Http2FrameHeader.Read(_buffer.AsSpan(_start, Http2FrameHeader.Size));
        _start += Http2FrameHeader.Size;
        return header;
    }

    /// <summary>Reads exactly <paramref name="destination"/>'s length.</summary>
    /// <exception cref="EndOfStreamException">The connection closed first.</exception>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (!destination.IsEmpty)
        {
            var n = await ReadSomeAsync(destination, cancellationToken).ConfigureAwait(false);
            destination = destination[n..];
        }
    }

    /// <summary>
    /// Reads between 1 and <paramref name="destination"/>'s length bytes: what is buffered, else (for a large read)
    /// straight from the transport into <paramref name="destination"/>, else through the buffer.
    /// </summary>
    /// <exception cref="EndOfStreamException">The connection closed first.</exception>
    public async ValueTask<int> ReadSomeAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
            return 0;
        if (Buffered == 0)
        {
            if (destination.Length >= DirectReadThreshold)
            {
                var direct = await _stream.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
                return direct > 0 ? direct : throw new EndOfStreamException("The connection closed inside a frame.");
            }

            _start = _end = 0;
            var n = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (n == 0)
                throw new EndOfStreamException("The connection closed inside a frame.");
            _end = n;
        }

        var count = Math.Min(Buffered, destination.Length);
        _buffer.AsSpan(_start, count).CopyTo(destination.Span);
        _start += count;
        return count;
    }

    /// <summary>Reads and drops <paramref name="count"/> bytes.</summary>
    public async ValueTask SkipAsync(int count, CancellationToken cancellationToken = default)
    {
        while (count > 0)
        {
            if (Buffered == 0)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                    throw new EndOfStreamException("The connection closed inside a frame.");
            }

            var n = Math.Min(count, Buffered);
            _start += n;
            count -= n;
        }
    }

    private void Compact()
    {
        if (_start == 0)
            return;
        var buffered = Buffered;
        if (buffered > 0)
            _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
        _start = 0;
        _end = buffered;
    }
}
