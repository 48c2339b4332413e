using System.Globalization;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>Short-circuit reads: the client on the worker's host reads block files directly under a lease.</summary>
public sealed class ShortCircuitTests
{
    private const int Mib = 1 << 20;

    [Fact]
    public async Task Short_circuit_on_and_off_give_the_same_bytes()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var local = FileSystem.Connect(silo.Address);
        using var remote = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false });
        using var otherHost = FileSystem.Connect(silo.Address, new FileSystemClientOptions { LocalHost = "another-host.example" });
        var data = DataPathFixture.Bytes((3 * Mib) + 77, 71);
        await WriteAsync(local, "/sc", data);

        var (viaFile, fileSource) = await ReadAsync(local, "/sc");
        var (viaGrpc, grpcSource) = await ReadAsync(remote, "/sc");
        var (viaOtherHost, otherSource) = await ReadAsync(otherHost, "/sc");

        Assert.Equal(data, viaFile);
        Assert.Equal(data, viaGrpc);
        Assert.Equal(data, viaOtherHost);
        Assert.Equal("local MEM", fileSource);
        Assert.Equal("MEM", grpcSource);
        Assert.Equal("MEM", otherSource);
    }

    [Theory]
    [InlineData(WriteType.MustCache)]
    [InlineData(WriteType.AsyncThrough)]
    public async Task Hundreds_of_short_circuit_streams_on_one_connection_end_cleanly(WriteType writeType)
    {
        // Each short-circuit write and read is a stream of its own; one that does not end cleanly on both sides counts
        // against Kestrel's concurrent-stream limit until the server gives up on the connection (ENHANCE_YOUR_CALM).
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes(128 << 10, 79);

        for (var i = 0; i < 400; i++)
        {
            var path = $"/many/f{i:D3}";
            await using (var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(Recursive: true, WriteType: writeType)))
            {
                await stream.WriteAsync(data);
            }

            var (bytes, source) = await ReadAsync(fs, path);
            Assert.Equal(data, bytes);
            Assert.Equal("local MEM", source);
        }
    }

    [Theory]
    [InlineData(WriteType.MustCache)]
    [InlineData(WriteType.CacheThrough)]
    public async Task Large_writes_bypass_the_buffer_and_split_at_block_ends(WriteType writeType)
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var local = FileSystem.Connect(silo.Address);
        using var remote = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false });
        var data = DataPathFixture.Bytes((3 * Mib) + (Mib / 2) + 5, 83);

        await using (var stream = await local.OpenWriteAsync("/direct", new CreateFileOptions(BlockSizeBytes: Mib, WriteType: writeType)))
        {
            await stream.WriteAsync(data.AsMemory(0, 3)); // buffered
            await stream.WriteAsync(data.AsMemory(3, data.Length - 5)); // mostly direct, across three block ends
            await stream.WriteAsync(data.AsMemory(data.Length - 2)); // buffered again
        }

        var status = await local.GetStatusAsync("/direct");
        Assert.Equal(4, status.BlockIds.Count);
        Assert.Equal(100, status.InAlluxioPercentage);
        Assert.Equal(data, (await ReadAsync(remote, "/direct")).Bytes);
        if (writeType == WriteType.CacheThrough)
        {
            Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(silo.DataDir, "underfs", "direct")));
        }
    }

    [Fact]
    public async Task Short_circuit_writes_land_in_the_cache_with_the_same_bytes_and_an_abandoned_one_leaves_nothing()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var local = FileSystem.Connect(silo.Address);
        using var remote = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false });
        var data = DataPathFixture.Bytes((2 * Mib) + 333, 73);

        foreach (var (fs, path) in new[] { (local, "/sc-written"), (remote, "/grpc-written") })
        {
            await using (var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.MustCache)))
            {
                for (var offset = 0; offset < data.Length; offset += 100_000)
                {
                    await stream.WriteAsync(data.AsMemory(offset, Math.Min(100_000, data.Length - offset)));
                }
            }

            Assert.Equal(100, (await fs.GetStatusAsync(path)).InAlluxioPercentage);
            Assert.Equal(data, (await ReadAsync(remote, path)).Bytes);
        }

        var abandoned = await local.OpenWriteAsync("/sc-abandoned", new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.MustCache));
        await abandoned.WriteAsync(data.AsMemory(0, Mib + 10)); // one block committed, one in its temp file
        await abandoned.CancelAsync();

        Assert.False(await local.ExistsAsync("/sc-abandoned"));
        var temp = Path.Combine(silo.DataDir, "tiers", "mem", "tmp");
        await Testing.TaskTimeouts.Until(() => Directory.GetFiles(temp).Length == 0, "the abandoned temp block to be aborted");
    }

    [Fact]
    public async Task A_leased_block_is_not_evicted_while_its_reader_is_open()
    {
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["ALLUXIO_Worker__MemoryBytes"] = (4 * Mib).ToString(CultureInfo.InvariantCulture),
            ["ALLUXIO_Worker__SsdBytes"] = (4 * Mib).ToString(CultureInfo.InvariantCulture),
        };
        await using var silo = SiloProcess.Start(dir.Sub("data"), environment);
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes(Mib, 72);
        var status = await WriteAsync(fs, "/leased", data);

        await using (var reader = await fs.OpenReadAsync("/leased"))
        {
            var head = new byte[10];
            await reader.ReadExactlyAsync(head); // the lease is taken here
            Assert.Equal("local MEM", reader.LastSource);
            for (var i = 0; i < 8; i++)
            {
                await WriteAsync(fs, $"/filler{i}", DataPathFixture.Bytes(2 * Mib, 80 + i)); // 16 MiB through 8 MiB of tiers
            }

            Assert.Equal("MEM", Assert.Single((await fs.GetBlockLocationsAsync(status.BlockIds))[status.BlockIds[0]]).TierAlias);
            var rest = new byte[data.Length - 10];
            await reader.ReadExactlyAsync(rest);
            Assert.Equal(data, head.Concat(rest).ToArray());
        }

        for (var i = 8; i < 12; i++)
        {
            await WriteAsync(fs, $"/filler{i}", DataPathFixture.Bytes(2 * Mib, 80 + i));
        }

        // Moves reach the block master with the worker's next heartbeat.
        await Testing.TaskTimeouts.UntilAsync(
            async () => !(await fs.GetBlockLocationsAsync(status.BlockIds))[status.BlockIds[0]].Any(l => l.TierAlias == "MEM"),
            "the block, no longer leased, to be evicted from MEM");
    }

    [Fact]
    public async Task A_cold_file_is_cached_by_the_local_worker_and_read_from_its_block_files()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuitUfsReads = false });
        var data = DataPathFixture.Bytes((4 * Mib) + 321, 91);
        var status = await WriteAsync(fs, "/cold", data, WriteType.Through); // in the UFS only
        Assert.Equal(0, status.InAlluxioPercentage);

        var (bytes, source) = await ReadAsync(fs, "/cold");

        Assert.Equal(data, bytes);
        Assert.Equal("local, cached from the UFS, MEM", source);
        Assert.Equal(100, (await fs.GetStatusAsync("/cold")).InAlluxioPercentage); // every block, read or read ahead
        var (again, againSource) = await ReadAsync(fs, "/cold");
        Assert.Equal(data, again);
        Assert.Equal("local MEM", againSource);
    }

    [Fact]
    public async Task Read_ahead_caches_the_next_blocks_only_and_no_cache_reads_cache_nothing()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ReadAheadBlocks = 2, ShortCircuitUfsReads = false });
        var data = DataPathFixture.Bytes(6 * Mib, 92);
        var status = await WriteAsync(fs, "/ahead", data, WriteType.Through);
        await WriteAsync(fs, "/nocache", data, WriteType.Through);

        var head = new byte[1000];
        await using (var stream = await fs.OpenReadAsync("/ahead"))
        {
            await stream.ReadExactlyAsync(head); // block 0 cached and opened; 1 and 2 asked for
        }

        Assert.Equal(data.AsSpan(0, 1000).ToArray(), head);
        await Testing.TaskTimeouts.UntilAsync(
            async () => (await fs.GetBlockLocationsAsync(status.BlockIds.Take(3))).All(b => b.Value.Count > 0),
            "blocks 0-2 to be cached");
        var locations = await fs.GetBlockLocationsAsync(status.BlockIds);
        Assert.All(status.BlockIds.Skip(3), id => Assert.Empty(locations[id])); // nobody asked for these

        await using (var stream = await fs.OpenReadAsync("/nocache", new OpenFileOptions(ReadType.NoCache)))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(data, copy.ToArray());
            Assert.Equal("UFS", stream.LastSource);
        }

        Assert.Equal(0, (await fs.GetStatusAsync("/nocache")).InAlluxioPercentage);
    }

    [Fact]
    public async Task A_cold_read_that_cannot_be_cached_is_streamed_from_the_ufs()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"), new Dictionary<string, string>
        {
            ["ALLUXIO_Worker__MemoryBytes"] = (2 * Mib).ToString(CultureInfo.InvariantCulture),
            ["ALLUXIO_Worker__SsdBytes"] = (2 * Mib).ToString(CultureInfo.InvariantCulture),
        });
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuitUfsReads = false });
        var data = DataPathFixture.Bytes(5 * Mib, 93);
        await using (var stream = await fs.OpenWriteAsync("/big", new CreateFileOptions(BlockSizeBytes: 4 * Mib, WriteType: WriteType.Through)))
        {
            await stream.WriteAsync(data);
        }

        var (bytes, source) = await ReadAsync(fs, "/big"); // a 4 MiB block never fits in 2 MiB

        Assert.Equal(data, bytes);
        Assert.Equal("UFS", source);
    }

    [Fact]
    public async Task A_cold_block_is_read_from_its_ufs_file_while_the_worker_caches_it_and_no_cache_caches_nothing()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address); // ShortCircuitUfsReads is on by default
        var data = DataPathFixture.Bytes((4 * Mib) + 321, 94);
        await WriteAsync(fs, "/nocache", data, WriteType.Through);
        await WriteAsync(fs, "/cold", data, WriteType.Through);

        await using (var stream = await fs.OpenReadAsync("/nocache", new OpenFileOptions(ReadType.NoCache)))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(data, copy.ToArray());
            Assert.Equal("local UFS", stream.LastSource);
        }

        var (bytes, source) = await ReadAsync(fs, "/cold");
        Assert.Equal(data, bytes);
        Assert.Equal("local UFS", source);

        // Every block read from the UFS is cached in the background; the NO_CACHE file, read first, stays uncached.
        await Testing.TaskTimeouts.UntilAsync(async () => (await fs.GetStatusAsync("/cold")).InAlluxioPercentage == 100, "the cold file to be cached");
        Assert.Equal(0, (await fs.GetStatusAsync("/nocache")).InAlluxioPercentage);
        var (again, againSource) = await ReadAsync(fs, "/cold");
        Assert.Equal(data, again);
        Assert.Equal("local MEM", againSource);
    }

    [Fact]
    public async Task A_ufs_file_shorter_than_recorded_fails_the_read_instead_of_serving_it_short()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes(3 * Mib, 95);
        var status = await WriteAsync(fs, "/shrunk", data, WriteType.Through);
        await using (var file = new FileStream(Path.Combine(dir.Sub("data"), "underfs", "shrunk"), FileMode.Open, FileAccess.Write))
        {
            file.SetLength((2 * Mib) + 10); // changed underneath Alluxio: block 2 has 10 of its bytes left
        }

        await using var stream = await fs.OpenReadAsync("/shrunk");
        var buffer = new byte[Mib];
        await stream.ReadExactlyAsync(buffer); // blocks 0 and 1 are whole in the UFS
        Assert.Equal(data.AsSpan(0, Mib).ToArray(), buffer);
        await stream.ReadExactlyAsync(buffer);
        Assert.Equal(data.AsSpan(Mib, Mib).ToArray(), buffer);
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await stream.CopyToAsync(Stream.Null));
        Assert.Contains("shorter in the UFS", error.Message, StringComparison.Ordinal);
        Assert.Empty((await fs.GetBlockLocationsAsync([status.BlockIds[2]]))[status.BlockIds[2]]); // nothing cached from a short file
    }

    [Fact]
    public async Task A_ufs_file_truncated_while_a_reader_has_it_open_fails_the_read_instead_of_serving_it_short()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes(3 * Mib, 96);
        await WriteAsync(fs, "/truncated", data, WriteType.Through);

        await using var stream = await fs.OpenReadAsync("/truncated", new OpenFileOptions(ReadType.NoCache));
        var buffer = new byte[Mib + 1000];
        await stream.ReadExactlyAsync(buffer); // into block 1, whose UFS range is open now
        Assert.Equal("local UFS", stream.LastSource);
        Assert.Equal(data.AsSpan(0, buffer.Length).ToArray(), buffer);
        await using (var file = new FileStream(Path.Combine(dir.Sub("data"), "underfs", "truncated"), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(Mib + 5000); // changed underneath Alluxio while the reader is in block 1
        }

        var rest = new MemoryStream();
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await stream.CopyToAsync(rest));
        Assert.Contains("shorter in the UFS", error.Message, StringComparison.Ordinal);
        Assert.True(buffer.Length + rest.Length < data.Length, "never more than the bytes that exist, never a clean end");
        Assert.Equal(data.AsSpan(buffer.Length, (int)rest.Length).ToArray(), rest.ToArray()); // and only the right ones
    }

    private static async Task<FileStatus> WriteAsync(FileSystem fs, string path, byte[] data, WriteType writeType = WriteType.CacheThrough)
    {
        await using var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: writeType));
        await stream.WriteAsync(data);
        await stream.DisposeAsync();
        return stream.Completed!;
    }

    private static async Task<(byte[] Bytes, string? Source)> ReadAsync(FileSystem fs, string path)
    {
        await using var stream = await fs.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (copy.ToArray(), stream.LastSource);
    }
}
