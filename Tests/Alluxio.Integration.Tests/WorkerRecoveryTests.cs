using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>The worker across restarts and damage: cached blocks come back, a corrupt block is healed from the UFS, lost data is reported LOST.</summary>
public sealed class WorkerRecoveryTests
{
    private const int Mib = 1 << 20;

    [Fact]
    public async Task Cached_blocks_survive_a_silo_kill_and_are_registered_again()
    {
        using var dir = new TempDirectory();
        var dataDir = dir.Sub("data");
        var data = DataPathFixture.Bytes((2 * Mib) + 9, 61);
        var port = FreePort.Next();
        await using (var first = SiloProcess.Start(dataDir, port))
        {
            await first.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(first.Address);
            await WriteAsync(fs, "/kept", data, WriteType.MustCache);
            await first.KillAsync();
        }

        await using var second = SiloProcess.Start(dataDir, port);
        await second.WaitUntilServingAsync();
        using var again = FileSystem.Connect(second.Address);
        Assert.Equal(100, (await again.GetStatusAsync("/kept")).InAlluxioPercentage);
        Assert.Equal(data, await ReadAsync(again, "/kept"));
    }

    [Theory]
    [InlineData(true)] // the client reads the block file and checks it
    [InlineData(false)] // the worker reads it into the gRPC response buffer and checks it: nothing of it is sent
    public async Task A_corrupt_cached_block_is_dropped_and_the_read_served_from_the_ufs(bool shortCircuit)
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = shortCircuit });
        var data = DataPathFixture.Bytes(Mib + 100, 62);
        await WriteAsync(fs, "/healed", data, WriteType.Through);
        await fs.LoadAsync("/healed"); // cached by the worker from the UFS, not yet read: its first reader checks it
        var status = await fs.GetStatusAsync("/healed");
        var blockFile = Path.Combine(silo.DataDir, "tiers", "mem", "blocks", status.BlockIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bytes = await File.ReadAllBytesAsync(blockFile);
        bytes[12345] ^= 0xFF;
        await File.WriteAllBytesAsync(blockFile, bytes);

        Assert.Equal(data, await ReadAsync(fs, "/healed"));

        await TaskTimeouts.Until(() => fs.GetStatusAsync("/healed").Result.InAlluxioPercentage == 100, "the healed block to be cached again");
        Assert.Equal(data.AsSpan(0, Mib).ToArray(), await File.ReadAllBytesAsync(blockFile));
    }

    [Fact]
    public async Task With_trust_off_a_block_corrupted_after_its_first_read_is_still_caught_and_healed()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"), new Dictionary<string, string> { ["ALLUXIO_Worker__TrustCheckedMemoryBlocks"] = "false" });
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes(Mib + 100, 64);
        var status = await WriteAsync(fs, "/checked-always", data, WriteType.CacheThrough); // the UFS append reads it in full
        Assert.Equal(data, await ReadAsync(fs, "/checked-always"));
        var blockFile = Path.Combine(silo.DataDir, "tiers", "mem", "blocks", status.BlockIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bytes = await File.ReadAllBytesAsync(blockFile);
        bytes[4321] ^= 0xFF;
        await File.WriteAllBytesAsync(blockFile, bytes);

        Assert.Equal(data, await ReadAsync(fs, "/checked-always"));
    }

    [Fact]
    public async Task A_must_cache_file_whose_blocks_are_gone_is_lost_not_served_short()
    {
        using var dir = new TempDirectory();
        var dataDir = dir.Sub("data");
        var port = FreePort.Next();
        await using (var first = SiloProcess.Start(dataDir, port))
        {
            await first.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(first.Address);
            await WriteAsync(fs, "/gone", DataPathFixture.Bytes(Mib, 63), WriteType.MustCache);
            await first.StopAsync();
        }

        Directory.Delete(Path.Combine(dataDir, "tiers", "mem"), recursive: true); // a reboot empties a RAM disk
        await using var second = SiloProcess.Start(dataDir, port);
        await second.WaitUntilServingAsync();
        using var again = FileSystem.Connect(second.Address);

        await Assert.ThrowsAsync<DataLossException>(() => ReadAsync(again, "/gone"));
        var status = await again.GetStatusAsync("/gone");
        Assert.Equal(PersistenceState.Lost, status.PersistenceState);
        Assert.Contains("lost", status.PersistError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Blocks_of_another_namespace_in_the_tier_are_dropped_before_the_worker_serves()
    {
        // A MEM tier outliving its namespace (a data directory wiped, /dev/shm kept): the new namespace hands out the
        // same file ids, so its first file's blocks have the stale blocks' ids. They must be gone before any write.
        using var dir = new TempDirectory();
        var tier = new Dictionary<string, string> { ["ALLUXIO_Worker__MemoryDirectory"] = dir.Sub("shared-mem") };
        var old = DataPathFixture.Bytes((2 * Mib) + 1, 65);
        await using (var first = SiloProcess.Start(dir.Sub("data-1"), tier))
        {
            await first.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(first.Address);
            await WriteAsync(fs, "/old", old, WriteType.MustCache);
            await first.KillAsync();
        }

        await using var second = SiloProcess.Start(dir.Sub("data-2"), tier);
        await second.WaitUntilServingAsync();
        using var fresh = FileSystem.Connect(second.Address);
        var data = DataPathFixture.Bytes((2 * Mib) + 1, 66);
        var status = await WriteAsync(fresh, "/new", data, WriteType.MustCache); // the same block ids as /old's
        Assert.Equal(data, await ReadAsync(fresh, "/new"));
        Assert.Equal(status.BlockIds.Count, (await fresh.GetWorkersAsync())[0].BlockCount);
        Assert.Contains("blocks that belong to no file", second.Output, StringComparison.Ordinal);
    }

    private static async Task<FileStatus> WriteAsync(FileSystem fs, string path, byte[] data, WriteType type)
    {
        await using var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: type));
        await stream.WriteAsync(data);
        await stream.DisposeAsync();
        return stream.Completed!;
    }

    private static async Task<byte[]> ReadAsync(FileSystem fs, string path)
    {
        await using var stream = await fs.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
