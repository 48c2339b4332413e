using Alluxio.Testing;
using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

public sealed class BlockLifecycleTests
{
    private const int Kib = StoreFixture.Kib;

    [Fact]
    public async Task A_committed_block_reads_back_and_lives_in_the_top_tier()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 10 * Kib + 17);

        Assert.Equal(("MEM", 0, 10L * Kib + 17), (info.TierAlias, info.TierOrdinal, info.Length));
        Assert.Equal(StoreFixture.Content(1, 10 * Kib + 17), await fx.ReadAsync(1));
        Assert.True(File.Exists(info.FilePath));
        Assert.True(File.Exists(info.FilePath + ".meta"));
        Assert.Equal(StoreFixture.Content(1, 10 * Kib + 17), File.ReadAllBytes(info.FilePath)); // the data file is the bytes, as is
        Assert.Equal(10L * Kib + 17, fx.Store.GetReport()[0].UsedBytes);
        Assert.Equal(["added 1 MEM"], fx.Events.Log);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Positioned_reads_return_the_requested_range_and_zero_at_the_end()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(2, 20 * Kib);
        var content = StoreFixture.Content(2, 20 * Kib);
        using var reader = await fx.Store.OpenReadAsync(2);
        var buffer = new byte[5000];

        Assert.Equal(5000, reader.Read(6000, buffer));
        Assert.Equal(content.AsSpan(6000, 5000).ToArray(), buffer);
        Assert.Equal(480, reader.Read(20 * Kib - 480, buffer));
        Assert.Equal(0, reader.Read(20 * Kib, buffer));
    }

    [Fact]
    public async Task An_uncommitted_block_is_invisible_and_an_abort_leaves_nothing()
    {
        using var fx = new StoreFixture();
        var writer = await fx.Store.CreateBlockAsync(3);
        await writer.WriteAsync(new byte[5000]);

        Assert.Null(fx.Store.GetBlock(3));
        await Assert.ThrowsAsync<BlockNotFoundException>(async () => await fx.Store.OpenReadAsync(3));
        Assert.True(fx.Store.GetReport()[0].Directories[0].ReservedBytes >= 5000);
        writer.Dispose();

        Assert.Equal(0, fx.Store.GetReport()[0].Directories[0].ReservedBytes);
        Assert.Empty(Directory.GetFiles(Path.Combine(fx.Root, "mem0", "tmp")));
        Assert.Empty(Directory.GetFiles(Path.Combine(fx.Root, "mem0", "blocks")));
        await fx.WriteAsync(3, 100); // the id is free again
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_block_id_is_written_once()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(4, 100);
        using var pending = await fx.Store.CreateBlockAsync(5);

        Assert.False((await Assert.ThrowsAsync<BlockAlreadyExistsException>(async () => await fx.Store.CreateBlockAsync(4))).BeingWritten);
        Assert.True((await Assert.ThrowsAsync<BlockAlreadyExistsException>(async () => await fx.Store.CreateBlockAsync(5))).BeingWritten);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task An_empty_block_commits_and_reads_empty()
    {
        using var fx = new StoreFixture();
        using (var writer = await fx.Store.CreateBlockAsync(6))
        {
            Assert.Equal(0, (await writer.CommitAsync()).Length);
        }

        Assert.Empty(await fx.ReadAsync(6));
    }

    [Fact]
    public async Task Remove_waits_for_open_readers_then_deletes_the_files()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(7, 8 * Kib);
        var reader = await fx.Store.OpenReadAsync(7);

        var removal = fx.Store.RemoveBlockAsync(7).AsTask();
        Assert.False(removal.IsCompleted);
        using (await fx.Store.OpenReadAsync(7))
        {
            // Another reader comes and goes: the removal still waits for the first one.
        }

        Assert.False(removal.IsCompleted);
        Assert.True(File.Exists(info.FilePath)); // the lease keeps the file
        reader.Dispose();

        Assert.True(await removal.Within("the removal after the reader closed"));
        Assert.False(File.Exists(info.FilePath));
        Assert.False(File.Exists(info.FilePath + ".meta"));
        Assert.False(await fx.Store.RemoveBlockAsync(7));
        Assert.Contains("removed 7 Removed", fx.Events.Log);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_block_moves_between_tiers_on_request()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(8, 9 * Kib);

        Assert.True(await fx.Store.MoveBlockAsync(8, 1));
        Assert.Equal("SSD", fx.TierOf(8));
        Assert.False(await fx.Store.MoveBlockAsync(8, 1));
        Assert.Equal(StoreFixture.Content(8, 9 * Kib), await fx.ReadAsync(8));
        Assert.Empty(Directory.GetFiles(Path.Combine(fx.Root, "mem0", "blocks")));
        Assert.Contains("moved 8 SSD", fx.Events.Log);
        Assert.Equal((0L, 9L * Kib), (fx.Store.GetReport()[0].UsedBytes, fx.Store.GetReport()[1].UsedBytes));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Bad_arguments_are_refused_without_change()
    {
        using var fx = new StoreFixture();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await fx.Store.CreateBlockAsync(-1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await fx.Store.CreateBlockAsync(1, new BlockWriteOptions { TierOrdinal = 2 }));
        await Assert.ThrowsAsync<BlockNotFoundException>(async () => await fx.Store.MoveBlockAsync(99, 1));
        var full = await Assert.ThrowsAsync<BlockStoreFullException>(async () => await fx.Store.CreateBlockAsync(1, new BlockWriteOptions { ExpectedLength = 1 << 30 }));
        Assert.Contains("no room for 1073741824 bytes", full.Message);
        Assert.Empty(fx.Store.GetBlocks());
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_block_written_directly_into_its_temp_file_is_checksummed_at_commit()
    {
        using var fx = new StoreFixture();
        var data = StoreFixture.Content(20, 10 * Kib + 3);
        using (var writer = await fx.Store.CreateBlockAsync(20))
        {
            await writer.ReserveAsync(data.Length);
            using (var file = File.OpenHandle(writer.FilePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                RandomAccess.Write(file, data, 0);
            }

            Assert.Equal(data.Length, (await writer.CommitWrittenAsync(data.Length)).Length);
        }

        Assert.Equal(data, await fx.ReadAsync(20)); // every chunk checked against the checksums computed at commit

        using (var trusted = await fx.Store.CreateBlockAsync(22))
        {
            File.WriteAllBytes(trusted.FilePath, data);
            var crcs = Enumerable.Range(0, 3).Select(i => Runtime.Hashing.Crc32C.Compute(data.AsSpan(i * 4 * Kib, Math.Min(4 * Kib, data.Length - (i * 4 * Kib))))).ToList();
            crcs[2] ^= 1; // a writer's wrong checksum: the block fails its first read of that chunk
            await trusted.CommitWrittenAsync(data.Length, crcs);
        }

        using (var reader = await fx.Store.OpenReadAsync(22))
        {
            Assert.Equal(8 * Kib, reader.Read(0, new byte[8 * Kib]));
            Assert.Throws<BlockCorruptedException>(() => reader.Read(8 * Kib, new byte[10]));
        }

        using (var liar = await fx.Store.CreateBlockAsync(21))
        {
            File.WriteAllBytes(liar.FilePath, new byte[100]);
            await Assert.ThrowsAsync<BlockStoreException>(async () => await liar.CommitWrittenAsync(200));
        }

        Assert.Null(fx.Store.GetBlock(21));
        fx.AssertConsistent();
    }
}
