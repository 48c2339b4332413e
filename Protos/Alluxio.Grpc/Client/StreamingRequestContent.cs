using System.Net;
using Alluxio.Grpc.Protocol;

namespace Alluxio.Grpc.Client;

/// <summary>
/// The request body of a client-streaming or duplex call: hands the HTTP/2 request stream to the call's writer and
/// stays open until the writer completes (END_STREAM) or the call ends.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    /// <summary>The request stream, once the handler starts sending the body.</summary>
    public Task<Stream> StreamTask => _stream.Task;

    /// <summary>Ends the request stream normally.</summary>
    public void Complete() => _complete.TrySetResult();

    /// <summary>Ends the request stream because the call is over; pending and later writers see <paramref name="error"/>.</summary>
    public void Abort(Exception error)
    {
        _stream.TrySetException(error);
        _complete.TrySetException(error);
        _ = _stream.Task.Exception;
        _ = _complete.Task.Exception;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // SocketsHttpHandler holds back the HEADERS frame of a request with a body until body data is flushed. A
        // streaming call may send nothing for a while (and the server may answer before any message), so flush the
        // headers out now.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.TrySetResult(stream);
        await _complete.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
