using System.Net.Http;
using System.Net.Sockets;

namespace Alluxio.Grpc.Client;

/// <summary>Maps what goes wrong during a call to the status the caller sees, in one place.</summary>
internal static class CallErrors
{
    public static RpcException DeadlineExceeded() => new(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));

    public static RpcException Cancelled(Exception? inner = null) =>
        new(new Status(StatusCode.Cancelled, "Call canceled by the client.", inner));

    /// <summary>
    /// The caller's cancellation wins, then the deadline; then the transport error decides: a reset stream maps
    /// by its HTTP/2 error code, any other transport failure is UNAVAILABLE.
    /// </summary>
    public static RpcException Map(Exception ex, in CallTokens tokens, TimeProvider time, CancellationToken operationToken = default)
    {
        if (ex is RpcException rpc)
            return rpc;
        if (tokens.CallerToken.IsCancellationRequested || operationToken.IsCancellationRequested)
            return Cancelled(ex);
        if (tokens.DeadlinePassed(time))
            return DeadlineExceeded();

        if (Find<HttpProtocolException>(ex) is { } protocol)
        {
            return new RpcException(new Status(Protocol.GrpcProtocol.FromHttp2ErrorCode(protocol.ErrorCode),
                $"The HTTP/2 stream was reset by the server (error code {protocol.ErrorCode}): {protocol.Message}", ex));
        }

        return ex switch
        {
            OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled: " + ex.Message, ex)),
            HttpRequestException or IOException or SocketException or ObjectDisposedException =>
                new RpcException(new Status(StatusCode.Unavailable, $"Error in the HTTP/2 transport: {Describe(ex)}", ex)),
            _ => new RpcException(new Status(StatusCode.Internal, $"Error in the gRPC call: {Describe(ex)}", ex)),
        };
    }

    private static string Describe(Exception ex)
    {
        var text = ex.GetType().Name + ": " + ex.Message;
        return ex.InnerException is { } inner ? text + " (" + inner.GetType().Name + ": " + inner.Message + ")" : text;
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is T t)
                return t;
        }

        return null;
    }
}
