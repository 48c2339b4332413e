using System.Net;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Client;

/// <summary>
/// A request body of exactly one message, serialised up front into a pooled buffer (so the size limit is checked
/// before anything is sent, and Content-Length is known). The buffer goes back to the pool when both the send has
/// finished and the content is disposed, whichever is last.
/// </summary>
internal sealed class MessageContent : HttpContent
{
    private readonly object _gate = new();
    private PooledBufferWriter? _buffer;
    private bool _sending;
    private bool _disposed;

    private MessageContent(PooledBufferWriter buffer)
    {
        _buffer = buffer;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    public static MessageContent Create(IMessage message, int? maxSendSize, MessageCompression compression)
    {
        var buffer = new PooledBufferWriter(GrpcFraming.HeaderSize + 128);
        try
        {
            GrpcFraming.WriteMessage(buffer, message, maxSendSize, compression);
            return new MessageContent(buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        PooledBufferWriter buffer;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed || _buffer is null, this);
            buffer = _buffer;
            _sending = true;
        }

        try
        {
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _sending = false;
                if (_disposed)
                    ReleaseBuffer();
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        lock (_gate)
        {
            length = _buffer?.WrittenCount ?? 0;
            return _buffer is not null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
                if (!_sending)
                    ReleaseBuffer();
            }
        }

        base.Dispose(disposing);
    }

    private void ReleaseBuffer()
    {
        _buffer?.Dispose();
        _buffer = null;
    }
}
