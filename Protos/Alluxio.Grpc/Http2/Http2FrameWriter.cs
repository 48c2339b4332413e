using System.Buffers.Binary;

namespace Alluxio.Grpc.Http2;

/// <summary>
/// Writes HTTP/2 frames to a byte stream for every stream of a connection. A writer holds the connection's write lock
/// for a series of frames (<see cref="AcquireAsync"/>); small frames are gathered in one buffer and go out together
/// when the lease ends (one write for the headers, data and trailers of a small response), a large payload goes
/// straight from the caller's memory after its header. Frames never interleave: a frame is written whole under the
/// lock. A failed write leaves the connection unusable (the caller closes it).
/// </summary>
public sealed class Http2FrameWriter : IDisposable
{
    /// <summary>Payloads up to this size are copied into the gathering buffer; larger ones are written from where they are.</summary>
    private const int CopyLimit = 16 * 1024;

    private readonly Stream _stream;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(64 * 1024);
    private int _length;

    public Http2FrameWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>The peer's SETTINGS_MAX_FRAME_SIZE: no payload written is longer.</summary>
    public int MaxFrameSize { get; set; } = Http2Settings.MinMaxFrameSize;

    /// <summary>Takes the write lock; the frames written through the lease go out (at the latest) when it is disposed.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(this);
    }

    /// <summary>Writes one frame under the lock and sends it.</summary>
    public async ValueTask WriteFrameAsync(Http2FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await lease.WriteFrameAsync(header, payload).ConfigureAwait(false);
    }

    public void Dispose() => _lock.Dispose();

    private async ValueTask WriteFrameCoreAsync(Http2FrameHeader header, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length != header.Length)
            throw new ArgumentException($"The header states {header.Length} bytes; the payload has {payload.Length}.", nameof(payload));
        if (payload.Length > MaxFrameSize)
            throw new ArgumentException($"A payload of {payload.Length} bytes is over the peer's frame size limit {MaxFrameSize}.", nameof(payload));
        if (_length + Http2FrameHeader.Size + Math.Min(payload.Length, CopyLimit) > _buffer.Length)
            await FlushCoreAsync().ConfigureAwait(false);
        header.Write(_buffer.AsSpan(_length));
        _length += Http2FrameHeader.Size;
        if (payload.Length <= CopyLimit)
        {
            payload.Span.CopyTo(_buffer.AsSpan(_length));
            _length += payload.Length;
            return;
        }

        await FlushCoreAsync().ConfigureAwait(false);
        await _stream.WriteAsync(payload).ConfigureAwait(false);
    }

    private async ValueTask FlushCoreAsync()
    {
        if (_length == 0)
            return;
        var length = _length;
        _length = 0;
        await _stream.WriteAsync(_buffer.AsMemory(0, length)).ConfigureAwait(false);
    }

    /// <summary>The write lock, held until disposed; the frames written through it are sent by then.</summary>
    public sealed class Lease : IAsyncDisposable
    {
        private Http2FrameWriter? _writer;

        internal Lease(Http2FrameWriter writer) => _writer = writer;

        private Http2FrameWriter Writer => _writer ?? throw new ObjectDisposedException(nameof(Lease));

        /// <summary>Adds a frame (sent when the lease ends, or now if it is large).</summary>
        public ValueTask WriteFrameAsync(Http2FrameHeader header, ReadOnlyMemory<byte> payload) => Writer.WriteFrameCoreAsync(header, payload);

        /// <summary>Adds a header block as HEADERS and as many CONTINUATION frames as the peer's frame size needs.</summary>
        public async ValueTask WriteHeadersAsync(int streamId, ReadOnlyMemory<byte> block, bool endStream)
        {
            var writer = Writer;
            var type = Http2FrameType.Headers;
            var flags = endStream ? Http2FrameFlags.EndStream : Http2FrameFlags.None;
            do
            {
                var length = Math.Min(block.Length, writer.MaxFrameSize);
                var last = length == block.Length;
                await writer.WriteFrameCoreAsync(new Http2FrameHeader(length, type, last ? flags | Http2FrameFlags.EndHeaders : flags, streamId), block[..length]).ConfigureAwait(false);
                block = block[length..];
                type = Http2FrameType.Continuation;
                flags = Http2FrameFlags.None;
            }
            while (!block.IsEmpty);
        }

        /// <summary>Adds a WINDOW_UPDATE.</summary>
        public ValueTask WriteWindowUpdateAsync(int streamId, int increment)
        {
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)increment & 0x7fffffffu);
            return WriteFrameAsync(new Http2FrameHeader(4, Http2FrameType.WindowUpdate, Http2FrameFlags.None, streamId), payload);
        }

        /// <summary>Adds a RST_STREAM.</summary>
        public ValueTask WriteRstStreamAsync(int streamId, Http2ErrorCode code)
        {
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)code);
            return WriteFrameAsync(new Http2FrameHeader(4, Http2FrameType.RstStream, Http2FrameFlags.None, streamId), payload);
        }

        /// <summary>Adds a GOAWAY naming the last stream this side processed.</summary>
        public ValueTask WriteGoAwayAsync(int lastStreamId, Http2ErrorCode code, string? debug = null)
        {
            var text = System.Text.Encoding.UTF8.GetBytes(debug ?? "");
            var payload = new byte[8 + Math.Min(text.Length, 256)];
            BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)lastStreamId & 0x7fffffffu);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), (uint)code);
            text.AsSpan(0, payload.Length - 8).CopyTo(payload.AsSpan(8));
            return WriteFrameAsync(new Http2FrameHeader(payload.Length, Http2FrameType.GoAway, Http2FrameFlags.None, 0), payload);
        }

        /// <summary>Sends what was added and releases the lock.</summary>
        public async ValueTask DisposeAsync()
        {
            var writer = Interlocked.Exchange(ref _writer, null);
            if (writer is null)
                return;
            try
            {
                await writer.FlushCoreAsync().ConfigureAwait(false);
                await writer._stream.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                writer._lock.Release();
            }
        }
    }
}
