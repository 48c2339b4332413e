using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>
/// TrustCheckedBlocks: on a memory tier a block is checked by its first full read and trusted after that (readers
/// and short-circuit clients skip the CRC32C pass); a block written, moved or recovered, or on a disk tier, is always
/// checked. The trusted reader serving a byte flipped after the check shows exactly what is traded.
/// </summary>
public sealed class CheckedBlockTests
{
    private const int Kib = StoreFixture.Kib;

    [Fact]
    public async Task A_memory_block_is_checked_by_its_first_full_read_and_trusted_after()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib);

        using (var first = await fx.Store.OpenReadAsync(1))
        {
            Assert.False(first.Trusted); // written, not yet read: checked
            Assert.Equal(20 * Kib, first.Read(0, new byte[20 * Kib]));
        }

        Flip(info.FilePath, 9000); // after the check: memory errors are ECC's domain on a trusting tier
        using var second = await fx.Store.OpenReadAsync(1);
        Assert.True(second.Trusted);
        Assert.Equal(20 * Kib, second.Read(0, new byte[20 * Kib]));
    }

    [Fact]
    public async Task A_block_read_only_in_part_is_still_checked()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib);
        Assert.Equal(8 * Kib, await ReadAsync(fx, 0, 8 * Kib));

        Flip(info.FilePath, 17000);
        using var reader = await fx.Store.OpenReadAsync(1);

        Assert.False(reader.Trusted);
        Assert.Throws<BlockCorruptedException>(() => reader.Read(16 * Kib, new byte[4 * Kib]));
    }

    [Fact]
    public async Task Disk_tiers_check_every_reader()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib, new BlockWriteOptions { TierOrdinal = 1 });
        Assert.Equal(20 * Kib, await ReadAsync(fx, 0, 20 * Kib));

        Flip(info.FilePath, 100);
        using var reader = await fx.Store.OpenReadAsync(1);

        Assert.False(reader.Trusted);
        Assert.Throws<BlockCorruptedException>(() => reader.Read(0, new byte[Kib]));
    }

    [Fact]
    public async Task A_moved_block_and_a_recovered_block_are_checked_again()
    {
        using var fx = new StoreFixture();
        await fx.WriteAsync(1, 20 * Kib);
        await fx.WriteAsync(2, 20 * Kib);
        await ReadAsync(fx, 0, 20 * Kib, blockId: 1);
        await ReadAsync(fx, 0, 20 * Kib, blockId: 2);

        await fx.Store.MoveBlockAsync(1, 1);
        await fx.Store.MoveBlockAsync(1, 0);
        fx.Reopen();

        foreach (var id in new long[] { 1, 2 })
        {
            using var reader = await fx.Store.OpenReadAsync(id);
            Assert.False(reader.Trusted);
        }
    }

    [Fact]
    public async Task Trust_can_be_turned_off()
    {
        using var fx = new StoreFixture(configure: o => o.Tiers[0].TrustCheckedBlocks = false);
        var info = await fx.WriteAsync(1, 20 * Kib);
        await ReadAsync(fx, 0, 20 * Kib);

        Flip(info.FilePath, 9000);
        using var reader = await fx.Store.OpenReadAsync(1);

        Assert.False(reader.Trusted);
        Assert.Throws<BlockCorruptedException>(() => reader.Read(0, new byte[20 * Kib]));
    }

    private static async Task<int> ReadAsync(StoreFixture fx, long offset, int count, long blockId = 1)
    {
        using var reader = await fx.Store.OpenReadAsync(blockId);
        return reader.Read(offset, new byte[count]);
    }

    private static void Flip(string path, long offset)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var one = new byte[1];
        RandomAccess.Read(file, one, offset);
        one[0] ^= 0x40;
        RandomAccess.Write(file, one, offset);
    }
}
