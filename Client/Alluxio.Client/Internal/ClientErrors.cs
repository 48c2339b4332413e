using Alluxio.Grains.Exceptions;
using Alluxio.Grpc;

namespace Alluxio.Client.Internal;

/// <summary>The client side of the error mapping: a gRPC status becomes the exception type the server threw.</summary>
internal static class ClientErrors
{
    public static Exception FromRpc(RpcException e) => e.StatusCode switch
    {
        StatusCode.DeadlineExceeded => new TimeoutException($"The master did not answer in time: {e.Status.Detail}", e),
        StatusCode.Cancelled => new OperationCanceledException(e.Status.Detail, e),
        StatusCode.Unavailable => new UnavailableException(string.IsNullOrEmpty(e.Status.Detail) ? "The master is unavailable." : e.Status.Detail, e),
        _ => AlluxioException.FromStatus((AlluxioStatus)(int)e.StatusCode, e.Status.Detail),
    };
}
