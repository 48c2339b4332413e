namespace Alluxio.Grpc.Tests;

/// <summary>Which server a test runs against: the same services and checks on both (a contract suite).</summary>
public enum ServerKind
{
    /// <summary>Kestrel (ASP.NET Core) with the gRPC endpoints.</summary>
    Kestrel,

    /// <summary>The project's own HTTP/2 server (<see cref="Server.Http2GrpcServer"/>).</summary>
    Http2,
}
