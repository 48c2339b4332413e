namespace Alluxio.Grpc.Tests;

/// <summary>The shared server is the project's own HTTP/2 server.</summary>
public sealed class Http2HostFixture : TestHostFixture
{
    public override ServerKind Kind => ServerKind.Http2;
}
