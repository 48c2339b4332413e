using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Integration.Tests.Sdk;

/// <summary>The metadata cache against a live silo: the client's own persist drops the status it changed.</summary>
public sealed class MetadataCacheDataTests(DataPathFixture fx) : IClassFixture<DataPathFixture>
{
    [Fact]
    public async Task A_persist_by_this_client_is_seen_at_once()
    {
        using var fs = FileSystem.Connect(fx.Silo.Address, new FileSystemClientOptions { MetadataCacheEnabled = true });
        await using (var stream = await fs.OpenWriteAsync("/cache-persist", new CreateFileOptions(WriteType: WriteType.MustCache)))
        {
            await stream.WriteAsync(DataPathFixture.Bytes(1000, 91));
        }

        Assert.Equal(PersistenceState.NotPersisted, (await fs.GetStatusAsync("/cache-persist")).PersistenceState); // now cached

        await fs.PersistAsync("/cache-persist");

        Assert.NotEqual(PersistenceState.NotPersisted, (await fs.GetStatusAsync("/cache-persist")).PersistenceState);
    }
}
