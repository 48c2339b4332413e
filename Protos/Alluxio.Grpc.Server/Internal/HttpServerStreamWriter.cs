using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>Writes each message into the response body and flushes it; the flush waits for HTTP/2 flow control.</summary>
internal sealed class HttpServerStreamWriter<T>(HttpServerCallContext context) : IServerStreamWriter<T>, IServerStreamPayloadWriter
    where T : class, IMessage<T>
{
    private int _writing;
    private volatile bool _completed;

    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WriteAsync(static (c, m, _) => c.WriteMessage(m), message, null, cancellationToken);
    }

    public Task WritePayloadAsync(int length, PayloadFill fill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return WriteAsync(static (c, l, f) => c.WritePayload(l, f!), length, fill, cancellationToken);
    }

    private async Task WriteAsync<TArg>(Action<HttpServerCallContext, TArg, PayloadFill?> write, TArg arg, PayloadFill? fill, CancellationToken cancellationToken)
    {
        if (_completed)
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        var callToken = context.CancellationToken;
        callToken.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _writing, 1) != 0)
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");

        CancellationTokenSource? linked = null;
        try
        {
            var token = callToken;
            if (cancellationToken.CanBeCanceled && cancellationToken != callToken)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
                token = linked.Token;
            }

            write(context, arg, fill);
            if (!await context.Transport.FlushAsync(token).ConfigureAwait(false))
                throw new OperationCanceledException("The write was cancelled.", token);
            callToken.ThrowIfCancellationRequested();
        }
        finally
        {
            linked?.Dispose();
            Volatile.Write(ref _writing, 0);
        }
    }

    /// <summary>The handler returned: later writes fail.</summary>
    public void Complete() => _completed = true;
}
