using Microsoft.Extensions.DependencyInjection;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>Proves AddGrpcWire ran, and keeps the service collection so mapping can see each service's lifetime.</summary>
internal sealed class GrpcWireMarker(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}
