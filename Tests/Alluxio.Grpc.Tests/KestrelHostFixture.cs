namespace Alluxio.Grpc.Tests;

/// <summary>The shared server is Kestrel.</summary>
public sealed class KestrelHostFixture : TestHostFixture
{
    public override ServerKind Kind => ServerKind.Kestrel;
}
