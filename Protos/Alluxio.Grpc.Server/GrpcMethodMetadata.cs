namespace Alluxio.Grpc.Server;

/// <summary>Endpoint metadata on every mapped rpc (for middleware, authorization policies, diagnostics).</summary>
public sealed class GrpcMethodMetadata(string fullName, MethodType type, Type? serviceType)
{
    /// <summary>The rpc path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    public string FullName { get; } = fullName;

    public MethodType Type { get; } = type;

    /// <summary>The implementing type for MapGrpcService; null for MapGrpcMethod.</summary>
    public Type? ServiceType { get; } = serviceType;

    public override string ToString() => $"gRPC {FullName} ({Type})";
}
