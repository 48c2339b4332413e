using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>What every call handler of a server shares: options, logger, clock.</summary>
internal sealed class ServerRuntime(GrpcServerOptions options, ILogger logger, TimeProvider time)
{
    public GrpcServerOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    public TimeProvider Time { get; } = time;
}
