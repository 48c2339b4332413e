using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

public sealed class PromotionTests
{
    private const int Block = 16 * StoreFixture.Kib;

    [Fact]
    public async Task A_promoting_read_moves_the_block_to_the_top_tier_first()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(1, Block, new BlockWriteOptions { TierOrdinal = 1 });
        Assert.Equal("SSD", fx.TierOf(1));

        await fx.ReadAsync(1); // CACHE: read where it is
        Assert.Equal("SSD", fx.TierOf(1));

        using (var reader = await fx.Store.OpenReadAsync(1, new BlockReadOptions { Promote = true }))
        {
            Assert.Equal("MEM", reader.TierAlias);
        }

        Assert.Equal("MEM", fx.TierOf(1));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_promoting_read_evicts_in_the_top_tier_to_make_room()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(9, Block, new BlockWriteOptions { TierOrdinal = 1 });
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block);
        }

        Assert.Equal(StoreFixture.Content(9, Block), await fx.ReadAsync(9, new BlockReadOptions { Promote = true }));

        Assert.Equal("MEM", fx.TierOf(9));
        Assert.Equal("SSD", fx.TierOf(1));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_promoting_read_of_a_block_others_are_reading_reads_it_in_place()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(1, Block, new BlockWriteOptions { TierOrdinal = 1 });
        using var other = await fx.Store.OpenReadAsync(1);

        using var reader = await fx.Store.OpenReadAsync(1, new BlockReadOptions { Promote = true });

        Assert.Equal("SSD", reader.TierAlias);
    }

    [Fact]
    public async Task Background_promotion_fills_free_room_above_with_the_hottest_blocks()
    {
        using var fx = new StoreFixture(configure: o => o.PromotionQuotaFraction = 0.5);
        for (var id = 1; id <= 4; id++)
        {
            await fx.WriteAsync(id, Block, new BlockWriteOptions { TierOrdinal = 1 });
        }

        await fx.ReadAsync(3);
        await fx.ReadAsync(1);

        Assert.Equal(2, await fx.Store.PromoteAsync()); // MEM may fill to 50 %: two blocks

        Assert.Equal(("MEM", "MEM", "SSD", "SSD"), (fx.TierOf(1), fx.TierOf(3), fx.TierOf(2), fx.TierOf(4)));
        Assert.Equal(0, await fx.Store.PromoteAsync());
        fx.AssertConsistent();
    }
}
