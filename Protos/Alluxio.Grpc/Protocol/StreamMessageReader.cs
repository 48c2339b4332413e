using System.Buffers;

namespace Alluxio.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a <see cref="Stream"/> (the client's response body) into one pooled,
/// growing buffer: the payload is handed out in place (valid until the next read), so each message is copied once
/// from the transport. Not thread-safe; Dispose returns the buffer.
/// </summary>
public sealed class StreamMessageReader : IDisposable
{
    // Shortfalls from this size on are read exactly (see FillAsync).
    private const int ExactReadThreshold = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _consumed;

    public StreamMessageReader(Stream stream, int initialBufferSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(GrpcFraming.HeaderSize, initialBufferSize));
    }

    /// <summary>Whether the last message read had the compressed flag.</summary>
    public bool Compressed { get; private set; }

    /// <summary>The payload of the last message read; valid until the next read or Dispose.</summary>
    public ReadOnlyMemory<byte> Payload { get; private set; }

    /// <summary>Reads the next message; false at a clean end of stream; INTERNAL when the stream ends inside one.</summary>
    public async ValueTask<bool> ReadAsync(int? maxSize, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        _start += _consumed;
        _consumed = 0;
        Payload = default;
        if (_start == _end)
            _start = _end = 0;

        if (!await FillAsync(GrpcFraming.HeaderSize, cancellationToken).ConfigureAwait(false))
        {
            if (_end == _start)
                return false;
            throw Incomplete();
        }

        var length = GrpcFraming.ReadHeader(_buffer.AsSpan(_start, GrpcFraming.HeaderSize), maxSize, out var compressed);
        var total = GrpcFraming.HeaderSize + length;
        if (!await FillAsync(total, cancellationToken).ConfigureAwait(false))
            throw Incomplete();

        Compressed = compressed;
        Payload = _buffer.AsMemory(_start + GrpcFraming.HeaderSize, length);
        _consumed = total;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        Payload = default;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private static RpcException Incomplete() =>
        new(new Status(StatusCode.Internal, "Incomplete message: the response ended inside a message"));

    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (_buffer.Length - _start < count)
            {
                var available = _end - _start;
                if (_buffer.Length >= count)
                {
                    _buffer.AsSpan(_start, available).CopyTo(_buffer);
                }
                else
                {
                    var next = ArrayPool<byte>.Shared.Rent(count);
                    _buffer.AsSpan(_start, available).CopyTo(next);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = next;
                }

                _start = 0;
                _end = available;
            }

            // A large message is read to its end and no further: bytes of the next message read with it would have to
            // be moved to the front of the buffer before that one can be read whole.
            var space = _buffer.AsMemory(_end);
            var missing = count - (_end - _start);
            if (missing >= ExactReadThreshold)
                space = space[..missing];
            var read = await _stream.ReadAsync(space, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return false;
            _end += read;
        }

        return true;
    }
}
