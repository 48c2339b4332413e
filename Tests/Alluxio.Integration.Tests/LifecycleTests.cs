using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>free, pin/unpin under eviction pressure, load, TTL actions, locations and the worker report, against live silos.</summary>
public sealed class LifecycleTests
{
    private const int Mib = 1 << 20;

    [Fact]
    public async Task Free_drops_persisted_data_from_the_cache_and_refuses_what_would_be_lost()
    {
        await using var silo = await SmallSilo.StartAsync();
        var fs = silo.Fs;
        var data = DataPathFixture.Bytes(Mib + 10, 21);
        await Write(fs, "/persisted", data, WriteType.CacheThrough);
        await Write(fs, "/only-cached", data, WriteType.MustCache);
        await Write(fs, "/pinned", data, WriteType.CacheThrough);
        await fs.SetAttributeAsync("/pinned", new SetAttributeOptions(Pinned: true));

        var freed = await fs.FreeAsync("/persisted");
        Assert.Equal(1, freed.Files);
        await TaskTimeouts.Until(() => fs.GetStatusAsync("/persisted").Result.InAlluxioPercentage == 0, "the worker to drop the freed blocks");
        Assert.Equal(data, await Read(fs, "/persisted")); // from the UFS, and cached again
        await TaskTimeouts.Until(() => fs.GetStatusAsync("/persisted").Result.InAlluxioPercentage == 100, "the re-read to cache the file again");

        var notPersisted = await Assert.ThrowsAsync<FailedPreconditionException>(() => fs.FreeAsync("/only-cached"));
        Assert.Contains("not persisted", notPersisted.Message);
        var pinned = await Assert.ThrowsAsync<FailedPreconditionException>(() => fs.FreeAsync("/pinned"));
        Assert.Contains("pinned", pinned.Message);
        Assert.Equal(100, (await fs.GetStatusAsync("/only-cached")).InAlluxioPercentage);

        await fs.FreeAsync("/pinned", forced: true);
        Assert.False((await fs.GetStatusAsync("/pinned")).Pinned);
        await TaskTimeouts.Until(() => fs.GetStatusAsync("/pinned").Result.InAlluxioPercentage == 0, "the forced free");
    }

    [Fact]
    public async Task A_pinned_file_stays_cached_while_others_are_evicted()
    {
        await using var silo = await SmallSilo.StartAsync();
        var fs = silo.Fs;
        await Write(fs, "/keep", DataPathFixture.Bytes(2 * Mib, 22), WriteType.CacheThrough);
        await fs.SetAttributeAsync("/keep", new SetAttributeOptions(Pinned: true));
        await TwoHeartbeatsAsync(fs); // the pin travels with the next heartbeat's answer

        for (var i = 0; i < 8; i++)
        {
            await Write(fs, $"/filler{i}", DataPathFixture.Bytes(2 * Mib, 30 + i), WriteType.CacheThrough); // 16 MiB through 8 MiB of tiers
        }

        Assert.Equal(100, (await fs.GetStatusAsync("/keep")).InAlluxioPercentage);
        await TaskTimeouts.Until(() => fs.GetStatusAsync("/filler0").Result.InAlluxioPercentage < 100, "the oldest filler to be evicted");
    }

    [Fact]
    public async Task Load_caches_a_directory_and_locations_and_the_worker_report_show_it()
    {
        await using var silo = await SmallSilo.StartAsync();
        var fs = silo.Fs;
        await fs.CreateDirectoryAsync("/dir");
        await Write(fs, "/dir/a", DataPathFixture.Bytes(Mib + 1, 40), WriteType.Through);
        await Write(fs, "/dir/b", DataPathFixture.Bytes(10, 41), WriteType.Through);
        Assert.Equal(0, (await fs.GetStatusAsync("/dir/a")).InAlluxioPercentage);

        var reports = new List<long>();
        var loaded = await fs.LoadAsync("/dir", new Progress<long>(reports.Add));

        Assert.Equal(Mib + 11, loaded);
        Assert.Equal(100, (await fs.GetStatusAsync("/dir/a")).InAlluxioPercentage);
        Assert.Equal(100, (await fs.GetStatusAsync("/dir/b")).InAlluxioPercentage);
        var status = await fs.GetStatusAsync("/dir/a");
        var locations = await fs.GetBlockLocationsAsync(status.BlockIds);
        Assert.All(status.BlockIds, id => Assert.Equal("MEM", Assert.Single(locations[id]).TierAlias));
        var worker = Assert.Single(await fs.GetWorkersAsync());
        Assert.Equal(["MEM", "SSD"], worker.Tiers.Select(t => t.Alias));
        await TaskTimeouts.Until(() => fs.GetWorkersAsync().Result[0].Tiers[0].UsedBytes >= Mib + 11, "the heartbeat to report the usage");
    }

    [Theory]
    [InlineData(TtlAction.Delete, false, false)]
    [InlineData(TtlAction.DeleteAlluxio, false, true)]
    [InlineData(TtlAction.Free, true, true)]
    public async Task An_expired_ttl_does_its_action(TtlAction action, bool inAlluxio, bool inUfs)
    {
        await using var silo = await SmallSilo.StartAsync(new() { ["ALLUXIO_Master__TtlCheckInterval"] = "00:00:01" });
        var fs = silo.Fs;
        await Write(fs, "/expiring", DataPathFixture.Bytes(1000, 50), WriteType.CacheThrough);

        await fs.SetAttributeAsync("/expiring", new SetAttributeOptions(Ttl: 500, TtlAction: action));

        if (inAlluxio)
        {
            await TaskTimeouts.Until(() => fs.GetStatusAsync("/expiring").Result.InAlluxioPercentage == 0, "the TTL's free");
            Assert.Equal(-1, (await fs.GetStatusAsync("/expiring")).Ttl);
        }
        else
        {
            await TaskTimeouts.Until(() => !fs.ExistsAsync("/expiring", new SyncOptions(LoadMetadataType.Never)).Result, "the TTL's delete");
        }

        Assert.Equal(inUfs, File.Exists(Path.Combine(silo.Silo.DataDir, "underfs", "expiring")));
    }

    /// <summary>Waits until the worker has sent two heartbeats after now: the answer to the first has then been applied.</summary>
    private static async Task TwoHeartbeatsAsync(FileSystem fs)
    {
        var seen = (await fs.GetWorkersAsync())[0].LastHeartbeat;
        for (var beats = 0; beats < 2;)
        {
            await TaskTimeouts.UntilAsync(async () => (await fs.GetWorkersAsync())[0].LastHeartbeat > seen, "the worker's next heartbeat");
            seen = (await fs.GetWorkersAsync())[0].LastHeartbeat;
            beats++;
        }
    }

    private static async Task Write(FileSystem fs, string path, byte[] data, WriteType type)
    {
        await using var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: type));
        await stream.WriteAsync(data);
    }

    private static async Task<byte[]> Read(FileSystem fs, string path)
    {
        await using var stream = await fs.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A silo whose tiers hold 4 MiB in MEM and 4 MiB in SSD.</summary>
    private sealed class SmallSilo : IAsyncDisposable
    {
        private readonly TempDirectory _dir = new();

        public SiloProcess Silo { get; private set; } = null!;

        public FileSystem Fs { get; private set; } = null!;

        public static async Task<SmallSilo> StartAsync(Dictionary<string, string>? environment = null)
        {
            var small = new SmallSilo();
            environment ??= [];
            environment["ALLUXIO_Worker__MemoryBytes"] = (4 * Mib).ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["ALLUXIO_Worker__SsdBytes"] = (4 * Mib).ToString(System.Globalization.CultureInfo.InvariantCulture);
            small.Silo = SiloProcess.Start(small._dir.Sub("data"), environment);
            await small.Silo.WaitUntilServingAsync();
            small.Fs = FileSystem.Connect(small.Silo.Address);
            return small;
        }

        public async ValueTask DisposeAsync()
        {
            Fs.Dispose();
            await Silo.DisposeAsync();
            _dir.Dispose();
        }
    }
}
