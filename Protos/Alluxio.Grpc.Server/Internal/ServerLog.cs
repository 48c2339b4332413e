using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Server.Internal;

internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "gRPC handler for {Method} threw; the call ends UNKNOWN")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void RpcExceptionThrown(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call {Method} was cancelled by the client")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Information, "gRPC service {Service} mapped: {RpcCount} rpcs on {ImplementationType} ({Activation}); {Options}")]
    public static partial void ServiceMapped(ILogger logger, string service, int rpcCount, string implementationType, string activation, GrpcServerOptions options);

    [LoggerMessage(6, LogLevel.Debug, "gRPC request rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);
}
