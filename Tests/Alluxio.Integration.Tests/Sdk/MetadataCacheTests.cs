using Alluxio.Client;
using Xunit;

namespace Alluxio.Integration.Tests.Sdk;

/// <summary>The client's optional metadata cache: off by default, bounded in time, dropped by the client's own writes.</summary>
public sealed class MetadataCacheTests
{
    [Fact]
    public async Task Off_by_default_every_status_is_asked()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        using var fs = FileSystem.Connect(master.Address);

        await fs.GetStatusAsync("/a");
        await fs.GetStatusAsync("/a");

        Assert.Equal(2, master.Calls("GetStatus"));
    }

    [Fact]
    public async Task On_a_status_is_served_from_the_cache_until_it_expires()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        var clock = new Alluxio.Testing.Time.ManualTimeProvider();
        using var fs = FileSystem.Connect(master.Address, new FileSystemClientOptions { MetadataCacheEnabled = true, MetadataCacheExpiration = TimeSpan.FromMinutes(1), TimeProvider = clock });

        await fs.GetStatusAsync("/a");
        await fs.GetStatusAsync("//a/");
        Assert.True(await fs.ExistsAsync("/a"));
        Assert.Equal(1, master.Calls("GetStatus"));

        clock.Advance(TimeSpan.FromSeconds(59));
        await fs.GetStatusAsync("/a");
        Assert.Equal(1, master.Calls("GetStatus"));

        clock.Advance(TimeSpan.FromSeconds(2));
        await fs.GetStatusAsync("/a");
        Assert.Equal(2, master.Calls("GetStatus"));
    }

    [Fact]
    public async Task The_clients_own_write_drops_what_it_touches()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/dir");
        master.AddFile("/dir/a");
        master.AddFile("/other");
        using var fs = FileSystem.Connect(master.Address, new FileSystemClientOptions { MetadataCacheEnabled = true });
        await fs.GetStatusAsync("/dir");
        await fs.GetStatusAsync("/dir/a");
        await fs.GetStatusAsync("/other");

        await fs.CreateFileAsync("/dir/b"); // changes /dir (its parent) as well
        await fs.GetStatusAsync("/dir");
        await fs.GetStatusAsync("/dir/a");
        await fs.GetStatusAsync("/other");

        Assert.Equal(3 + 1, master.Calls("GetStatus"));
        await Assert.ThrowsAsync<Grains.Exceptions.FileDoesNotExistException>(() => fs.GetStatusAsync("/nothing")); // not-found is never cached
        await Assert.ThrowsAsync<Grains.Exceptions.FileDoesNotExistException>(() => fs.GetStatusAsync("/nothing"));
        Assert.Equal(4 + 2, master.Calls("GetStatus"));
    }

    [Fact]
    public async Task A_sync_request_bypasses_the_cache()
    {
        await using var master = await FaultyMaster.StartAsync();
        master.AddFile("/a");
        using var fs = FileSystem.Connect(master.Address, new FileSystemClientOptions { MetadataCacheEnabled = true });

        await fs.GetStatusAsync("/a");
        await fs.GetStatusAsync("/a", new Grains.FileSystem.SyncOptions(SyncIntervalMs: 0));

        Assert.Equal(2, master.Calls("GetStatus"));
    }
}
