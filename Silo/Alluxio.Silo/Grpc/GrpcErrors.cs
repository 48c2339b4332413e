using Alluxio.Grains.Exceptions;
using Alluxio.Grpc;
using Alluxio.Runtime;

namespace Alluxio.Silo.Grpc;

/// <summary>
/// The one place where errors become gRPC statuses: an <see cref="AlluxioException"/> keeps its status and message;
/// a call timeout is DEADLINE_EXCEEDED, a cancellation CANCELLED, an unreachable silo UNAVAILABLE; anything else is
/// INTERNAL with the exception's message (no stack trace).
/// </summary>
internal static class GrpcErrors
{
    public static RpcException ToRpc(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        AlluxioException alluxio => new RpcException(new Status((StatusCode)(int)alluxio.Status, alluxio.Message)),
        TimeoutException timeout => new RpcException(new Status(StatusCode.DeadlineExceeded, timeout.Message)),
        OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled.")),
        SiloUnavailableException silo => new RpcException(new Status(StatusCode.Unavailable, silo.Message)),
        ArgumentException argument => new RpcException(new Status(StatusCode.InvalidArgument, argument.Message)),
        _ => new RpcException(new Status(StatusCode.Internal, $"{exception.GetType().Name}: {exception.Message}")),
    };

    /// <summary>Runs <paramref name="call"/>, rethrowing any failure as the mapped <see cref="RpcException"/>.</summary>
    public static async Task<T> Map<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw ToRpc(e);
        }
    }
}
