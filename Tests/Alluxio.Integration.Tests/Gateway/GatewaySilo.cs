using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests.Gateway;

/// <summary>One silo process shared by the gateway tests, with a directory /open that every user may write.</summary>
public sealed class GatewaySilo : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SiloProcess? _silo;

    /// <summary>"127.0.0.1:port".</summary>
    public string Address => $"127.0.0.1:{_silo!.Port}";

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(_dir.Sub("data"));
        await _silo.WaitUntilServingAsync();
        using var fs = Client.FileSystem.Connect(Address); // as the silo's own user (the superuser)
        await fs.CreateDirectoryAsync("/open", new Grains.FileSystem.CreateDirectoryOptions(Mode: 0x1FF)); // rwxrwxrwx, for other users
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewaySiloCollection : ICollectionFixture<GatewaySilo>
{
    public const string Name = "gateway silo";
}
