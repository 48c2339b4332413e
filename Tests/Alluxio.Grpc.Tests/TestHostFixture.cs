using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>One shared h2c server (of <see cref="Kind"/>) for the tests that need no special options.</summary>
public abstract class TestHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public abstract ServerKind Kind { get; }

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(kind: Kind);
        Channel = Host.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
    }
}
