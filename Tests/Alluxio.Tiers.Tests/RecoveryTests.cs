using Alluxio.Tiers.Format;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>The index is rebuilt from disk at start: committed blocks come back, anything half-done goes.</summary>
public sealed class RecoveryTests
{
    private const int Kib = StoreFixture.Kib;

    [Fact]
    public async Task Committed_blocks_survive_a_restart_and_half_written_ones_are_removed()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(1, 10 * Kib);
        await fx.WriteAsync(2, 12 * Kib, new BlockWriteOptions { TierOrdinal = 1 });
        var pending = await fx.Store.CreateBlockAsync(3); // "crash" while writing: never committed nor aborted
        await pending.WriteAsync(new byte[6000]);

        fx.Reopen();

        Assert.Equal(["MEM", "SSD"], new[] { fx.TierOf(1), fx.TierOf(2) });
        Assert.Null(fx.Store.GetBlock(3));
        Assert.Equal(StoreFixture.Content(1, 10 * Kib), await fx.ReadAsync(1));
        Assert.Equal(StoreFixture.Content(2, 12 * Kib), await fx.ReadAsync(2));
        Assert.Empty(Directory.GetFiles(Path.Combine(fx.Root, "mem0", "tmp")));
        Assert.Equal(10L * Kib, fx.Store.GetReport()[0].UsedBytes);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Half_committed_damaged_and_foreign_files_are_discarded()
    {
        using var fx = new StoreFixture();
        var kept = await fx.WriteAsync(1, 5 * Kib);
        var blocks = Path.GetDirectoryName(kept.FilePath)!;
        var sidecar = File.ReadAllBytes(kept.FilePath + ".meta");
        File.WriteAllBytes(Path.Combine(blocks, "2.meta"), sidecar);                   // sidecar renamed, data not yet: crash in commit
        File.WriteAllBytes(Path.Combine(blocks, "3"), new byte[100]);                  // data without sidecar
        File.WriteAllBytes(Path.Combine(blocks, "4"), new byte[5 * Kib]);              // sidecar of another block
        File.WriteAllBytes(Path.Combine(blocks, "4.meta"), sidecar);
        File.WriteAllBytes(Path.Combine(blocks, "5"), new byte[7]);                    // length differs from the sidecar's
        File.WriteAllBytes(Path.Combine(blocks, "5.meta"), new BlockChecksums(5, 8, 4096, [0]).Encode());
        File.WriteAllBytes(Path.Combine(blocks, "6"), new byte[8]);                    // damaged sidecar
        File.WriteAllBytes(Path.Combine(blocks, "6.meta"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(blocks, "notes.txt"), [1]);

        fx.Reopen();

        Assert.Equal([1L], fx.Store.GetBlocks().Select(b => b.BlockId));
        Assert.Equal(["1", "1.meta"], Directory.GetFiles(blocks).Select(Path.GetFileName).Order());
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_block_left_in_two_tiers_by_a_crash_during_a_move_is_kept_once()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 9 * Kib);
        var ssdBlocks = Path.Combine(fx.Root, "ssd", "blocks");
        File.Copy(info.FilePath, Path.Combine(ssdBlocks, "1"));
        File.Copy(info.FilePath + ".meta", Path.Combine(ssdBlocks, "1.meta"));

        fx.Reopen();

        Assert.Equal("MEM", fx.TierOf(1));
        Assert.Empty(Directory.GetFiles(ssdBlocks));
        Assert.Equal((9L * Kib, 0L), (fx.Store.GetReport()[0].UsedBytes, fx.Store.GetReport()[1].UsedBytes));
        fx.AssertConsistent();
    }

    [Fact]
    public void A_second_store_on_the_same_directories_is_refused()
    {
        using var fx = new StoreFixture();

        var error = Assert.Throws<Exceptions.BlockStoreException>(() => TieredBlockStore.Open(fx.Options));

        Assert.Contains("is in use by another worker", error.Message);
    }
}
