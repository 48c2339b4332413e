using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>One shared h2c server for the tests that need no special options.</summary>
public sealed class TestHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        Channel = Host.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
    }
}
