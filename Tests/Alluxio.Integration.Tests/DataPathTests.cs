using Xunit;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;

namespace Alluxio.Integration.Tests;

/// <summary>
/// Write types and read types through the SDK against a live silo, each checked on both sides: the worker's cache
/// (block files in the MEM tier, inAlluxioPercentage) and the UFS (the file under the root mount).
/// </summary>
public sealed class DataPathTests(DataPathFixture fx) : IClassFixture<DataPathFixture>
{
    private const int Mib = 1 << 20;

    private FileSystem Fs => fx.Fs;

    [Fact]
    public async Task Must_cache_keeps_the_data_in_alluxio_only()
    {
        var data = DataPathFixture.Bytes((3 * Mib) + 123, 1);
        var status = await WriteAsync("/must-cache", data, WriteType.MustCache);

        Assert.Equal(PersistenceState.NotPersisted, status.PersistenceState);
        Assert.Equal(100, status.InAlluxioPercentage);
        Assert.Equal(4, status.BlockIds.Count);
        Assert.False(File.Exists(Path.Combine(fx.UnderFs, "must-cache")));
        Assert.Equal(data, await ReadAllAsync("/must-cache"));
    }

    [Fact]
    public async Task Cache_through_writes_the_cache_and_the_ufs()
    {
        var data = DataPathFixture.Bytes((2 * Mib) + 5, 2);
        var status = await WriteAsync("/cache-through", data, WriteType.CacheThrough);

        Assert.Equal(PersistenceState.Persisted, status.PersistenceState);
        Assert.Equal(100, status.InAlluxioPercentage);
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(fx.UnderFs, "cache-through")));
        Assert.Equal(data, await ReadAllAsync("/cache-through"));
    }

    [Fact]
    public async Task Through_writes_the_ufs_only_and_a_cache_read_then_caches_it()
    {
        var data = DataPathFixture.Bytes((2 * Mib) + 77, 3);
        var status = await WriteAsync("/through", data, WriteType.Through);
        Assert.Equal(PersistenceState.Persisted, status.PersistenceState);
        Assert.Equal(0, status.InAlluxioPercentage);
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(fx.UnderFs, "through")));

        Assert.Equal(data, await ReadAllAsync("/through", ReadType.NoCache));
        Assert.Equal(0, (await Fs.GetStatusAsync("/through")).InAlluxioPercentage);

        using var remote = FileSystem.Connect(fx.Silo.Address, new FileSystemClientOptions { ShortCircuit = false }); // the read-through over gRPC (short-circuit misses: ShortCircuitTests)
        await using (var first = await remote.OpenReadAsync("/through"))
        {
            Assert.Equal(data, await ReadToEndAsync(first));
            Assert.Equal("UFS", first.LastSource);
        }

        await TaskTimeouts.Until(() => Fs.GetStatusAsync("/through").Result.InAlluxioPercentage == 100, "the read-through to cache every block");
        await using var second = await Fs.OpenReadAsync("/through");
        Assert.Equal(data, await ReadToEndAsync(second));
        Assert.EndsWith("MEM", second.LastSource, StringComparison.Ordinal); // "local MEM" by short-circuit, "MEM" over gRPC
    }

    [Fact]
    public async Task A_partial_read_caches_the_whole_block_in_the_background()
    {
        var data = DataPathFixture.Bytes(Mib + 500, 4);
        await WriteAsync("/partial", data, WriteType.Through, blockSize: 2 * Mib);

        await using (var stream = await Fs.OpenReadAsync("/partial"))
        {
            var middle = new byte[1000];
            Assert.Equal(1000, await stream.ReadAtAsync(4096, middle));
            Assert.Equal(data.AsSpan(4096, 1000).ToArray(), middle);
        }

        await TaskTimeouts.Until(() => Fs.GetStatusAsync("/partial").Result.InAlluxioPercentage == 100, "the async cache of the partly read block");
        Assert.Equal(data, await ReadAllAsync("/partial"));
    }

    [Fact]
    public async Task A_reader_that_leaves_early_does_not_stop_the_block_being_cached()
    {
        var data = DataPathFixture.Bytes(3 * Mib, 8);
        await WriteAsync("/early-exit", data, WriteType.Through, blockSize: 4 * Mib);

        await using (var stream = await Fs.OpenReadAsync("/early-exit"))
        {
            var head = new byte[100];
            await stream.ReadExactlyAsync(head); // then close with the rest of the block still streaming
            Assert.Equal(data.AsSpan(0, 100).ToArray(), head);
        }

        await TaskTimeouts.Until(() => Fs.GetStatusAsync("/early-exit").Result.InAlluxioPercentage == 100, "the block to be cached although its reader left");
        Assert.Equal(data, await ReadAllAsync("/early-exit"));
    }

    [Fact]
    public async Task Seeks_and_positioned_reads_cross_block_boundaries()
    {
        var data = DataPathFixture.Bytes((3 * Mib) + 999, 5);
        await WriteAsync("/seek", data, WriteType.MustCache);
        await using var stream = await Fs.OpenReadAsync("/seek");

        stream.Position = Mib - 10; // 10 bytes before the first boundary
        var buffer = new byte[30];
        await stream.ReadExactlyAsync(buffer);
        Assert.Equal(data.AsSpan(Mib - 10, 30).ToArray(), buffer);
        stream.Seek(-5, SeekOrigin.End);
        Assert.Equal(5, await stream.ReadAsync(buffer));
        Assert.Equal(data.AsSpan(data.Length - 5).ToArray(), buffer[..5]);
        Assert.Equal(0, await stream.ReadAsync(buffer));

        var span = new byte[(2 * Mib) + 100];
        Assert.Equal(span.Length, await stream.ReadAtAsync(Mib - 50, span));
        Assert.Equal(data.AsSpan(Mib - 50, span.Length).ToArray(), span);
        Assert.Equal(data.Length, stream.Position); // a positioned read does not move the position
    }

    [Fact]
    public async Task Deleting_a_file_frees_its_blocks_on_the_worker()
    {
        var data = DataPathFixture.Bytes(Mib + 1, 6);
        var status = await WriteAsync("/to-delete", data, WriteType.MustCache);
        var blockFiles = status.BlockIds.Select(id => Path.Combine(fx.MemBlocks, id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.All(blockFiles, f => Assert.True(File.Exists(f), f));

        await Fs.DeleteAsync("/to-delete");

        await TaskTimeouts.Until(() => blockFiles.All(f => !File.Exists(f)), "the worker to drop the deleted file's blocks");
    }

    [Fact]
    public async Task An_empty_file_reads_empty_under_every_write_type()
    {
        foreach (var type in new[] { WriteType.MustCache, WriteType.CacheThrough, WriteType.Through })
        {
            var path = "/empty-" + type;
            var status = await WriteAsync(path, [], type);
            Assert.Equal(0, status.Length);
            Assert.Empty(await ReadAllAsync(path));
        }
    }

    [Fact]
    public async Task Reading_a_directory_or_an_incomplete_file_fails_clearly()
    {
        await Fs.CreateDirectoryAsync("/dir");
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.OpenReadAsync("/dir"));
        await Fs.CreateFileAsync("/incomplete");
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.OpenReadAsync("/incomplete"));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.OpenReadAsync("/nothing"));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_nothing_behind()
    {
        var stream = await Fs.OpenWriteAsync("/cancelled", new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.CacheThrough));
        await stream.WriteAsync(DataPathFixture.Bytes(Mib + 10, 7));
        await stream.CancelAsync();

        Assert.False(await Fs.ExistsAsync("/cancelled"));
        Assert.False(File.Exists(Path.Combine(fx.UnderFs, "cancelled")));
    }

    private async Task<FileStatus> WriteAsync(string path, byte[] data, WriteType type, long blockSize = Mib)
    {
        await using var stream = await Fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: blockSize, WriteType: type));
        for (var offset = 0; offset < data.Length; offset += 300_000)
        {
            await stream.WriteAsync(data.AsMemory(offset, Math.Min(300_000, data.Length - offset)));
        }

        await stream.DisposeAsync();
        return stream.Completed ?? throw new InvalidOperationException("not completed");
    }

    private async Task<byte[]> ReadAllAsync(string path, ReadType type = ReadType.Default)
    {
        await using var stream = await Fs.OpenReadAsync(path, new OpenFileOptions(type));
        return await ReadToEndAsync(stream);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
