using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Options;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>MEM holds 4 blocks of 16 KiB, SSD 8: room is made synchronously, coldest first, pinned and open blocks kept.</summary>
public sealed class EvictionTests
{
    private const int Block = 16 * StoreFixture.Kib;

    [Fact]
    public async Task A_write_into_a_full_top_tier_moves_the_least_recently_used_block_down()
    {
        using var fx = new StoreFixture();
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        await fx.ReadAsync(1); // 2 is now the least recently used
        await fx.WriteAsync(5, Block);

        Assert.Equal("SSD", fx.TierOf(2));
        Assert.All(new long[] { 1, 3, 4, 5 }, id => Assert.Equal("MEM", fx.TierOf(id)));
        Assert.Equal(StoreFixture.Content(2, Block), await fx.ReadAsync(2));
        Assert.Contains("moved 2 SSD", fx.Events.Log);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task The_last_tier_evicts_out_of_the_store()
    {
        using var fx = new StoreFixture();
        for (var id = 1; id <= 13; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        // 4 in MEM, 8 in SSD: one block (the first written, coldest) has left the store.
        Assert.Equal(12, fx.Store.GetBlocks().Count);
        Assert.Null(fx.Store.GetBlock(1));
        Assert.Contains("removed 1 Evicted", fx.Events.Log);
        Assert.Equal((4L * Block, 8L * Block), (fx.Store.GetReport()[0].UsedBytes, fx.Store.GetReport()[1].UsedBytes));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Pinned_blocks_are_never_evicted()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(1, Block, new BlockWriteOptions { Pinned = true });
        fx.Store.SetPinned(2, true); // a pin that arrives before the block
        await fx.WriteAsync(2, Block);
        for (var id = 3; id <= 20; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        Assert.Equal("MEM", fx.TierOf(1));
        Assert.Equal("MEM", fx.TierOf(2));
        Assert.True(fx.Store.GetBlock(1)!.Pinned);
        fx.Store.ReplacePinned([]);
        await fx.WriteAsync(21, Block);
        Assert.Equal("SSD", fx.TierOf(1)); // unpinned, it is the coldest in MEM
        Assert.Equal("MEM", fx.TierOf(2));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_block_with_an_open_reader_is_not_evicted()
    {
        using var fx = new StoreFixture();
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        using (var lease = await fx.Store.OpenReadAsync(1))
        {
            for (var id = 2; id <= 4; id++)
            {
                await fx.ReadAsync(id); // 1 is the coldest by access, but it is open
            }

            await fx.WriteAsync(5, Block);
            Assert.Equal("MEM", fx.TierOf(1));
            Assert.True(File.Exists(lease.FilePath));
        }

        fx.AssertConsistent();
    }

    [Fact]
    public async Task When_nothing_can_be_evicted_the_write_fails_and_nothing_changes()
    {
        using var fx = new StoreFixture(memQuota: 2 * Block, ssdQuota: 2 * Block);
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block, new BlockWriteOptions { Pinned = true });
        }

        var before = fx.Store.GetBlocks().Select(b => (b.BlockId, b.TierAlias)).Order().ToList();
        var error = await Assert.ThrowsAsync<BlockStoreFullException>(() => fx.WriteAsync(5, Block));

        Assert.Contains("2 pinned", error.Message);
        Assert.Equal(before, fx.Store.GetBlocks().Select(b => (b.BlockId, b.TierAlias)).Order().ToList());
        Assert.All(fx.Store.GetReport().SelectMany(t => t.Directories), d => Assert.Equal(0, d.ReservedBytes));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_full_top_tier_of_pinned_blocks_sends_new_blocks_down()
    {
        using var fx = new StoreFixture(memQuota: 2 * Block);
        await fx.WriteAsync(1, Block, new BlockWriteOptions { Pinned = true });
        await fx.WriteAsync(2, Block, new BlockWriteOptions { Pinned = true });

        await fx.WriteAsync(3, Block);

        Assert.Equal("SSD", fx.TierOf(3));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Lrfu_keeps_a_frequently_read_block_over_a_recently_read_one()
    {
        using var fx = new StoreFixture(configure: o => { o.Annotator = AnnotatorKind.Lrfu; o.LrfuStepFactor = 0.05; });
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        for (var i = 0; i < 10; i++)
        {
            await fx.ReadAsync(1); // frequent, long ago
        }

        await fx.ReadAsync(2);
        await fx.ReadAsync(3);
        await fx.ReadAsync(4); // each once, more recently

        await fx.WriteAsync(5, Block);

        Assert.Equal("MEM", fx.TierOf(1));
        Assert.Equal("SSD", fx.TierOf(2));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Under_lru_the_same_reads_evict_the_frequent_block()
    {
        using var fx = new StoreFixture();
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        for (var i = 0; i < 10; i++)
        {
            await fx.ReadAsync(1);
        }

        await fx.ReadAsync(2);
        await fx.ReadAsync(3);
        await fx.ReadAsync(4);

        await fx.WriteAsync(5, Block);

        Assert.Equal("SSD", fx.TierOf(1));
    }

    [Fact]
    public async Task A_reservation_step_larger_than_the_room_left_falls_back_to_what_the_write_needs()
    {
        using var fx = new StoreFixture(memQuota: 6 * StoreFixture.Kib, ssdQuota: 6 * StoreFixture.Kib, configure: o => o.ReservationBytes = 8 * StoreFixture.Kib);

        await fx.WriteAsync(1, 5 * StoreFixture.Kib);
        await fx.WriteAsync(2, 5 * StoreFixture.Kib);

        Assert.Equal(("SSD", "MEM"), (fx.TierOf(1), fx.TierOf(2)));
        fx.AssertConsistent();
    }
}
