using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>Reads request messages straight from the request body's pipe, parsing them in place.</summary>
internal sealed class HttpServerStreamReader<T>(HttpServerCallContext context, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private int _reading;
    private bool _ended;

    public T Current { get; private set; } = null!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
            return false;
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");

        CancellationTokenSource? linked = null;
        try
        {
            var token = context.CancellationToken;
            if (cancellationToken.CanBeCanceled && cancellationToken != token)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
                token = linked.Token;
            }

            var message = await PipeMessageReader.ReadMessageAsync(context.Transport.RequestBody, parser,
                context.MaxReceiveMessageSize, context.RequestEncoding, token).ConfigureAwait(false);
            if (message is null)
            {
                _ended = true;
                return false;
            }

            Current = message;
            return true;
        }
        finally
        {
            linked?.Dispose();
            Volatile.Write(ref _reading, 0);
        }
    }
}
