using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Options;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>Every chunk is checked against its CRC32C on first read; a bad block is dropped so the data is re-read from the UFS.</summary>
public sealed class CorruptionTests
{
    private const int Kib = StoreFixture.Kib;

    [Theory]
    [InlineData(0, 20 * Kib)]        // a whole read
    [InlineData(9000, 100)]          // a small read inside the damaged chunk
    [InlineData(6000, 4000)]         // a read straddling the damaged chunk's start
    public async Task A_flipped_byte_is_detected_and_the_block_dropped(int offset, int count)
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib);
        Flip(info.FilePath, 9000);

        using (var reader = await fx.Store.OpenReadAsync(1))
        {
            var error = Assert.Throws<BlockCorruptedException>(() => reader.Read(offset, new byte[count]));
            Assert.Contains("chunk 2", error.Message);
        }

        Assert.Null(fx.Store.GetBlock(1));
        Assert.False(File.Exists(info.FilePath));
        Assert.Contains("removed 1 Corrupted", fx.Events.Log);
        await fx.WriteAsync(1, 20 * Kib); // healed: written again from the source
        Assert.Equal(StoreFixture.Content(1, 20 * Kib), await fx.ReadAsync(1));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task Reads_that_do_not_touch_the_damaged_chunk_succeed()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib);
        Flip(info.FilePath, 17000);
        using var reader = await fx.Store.OpenReadAsync(1);

        Assert.Equal(8 * Kib, reader.Read(0, new byte[8 * Kib]));
        Assert.NotNull(fx.Store.GetBlock(1));
    }

    [Fact]
    public async Task A_truncated_data_file_is_detected()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 20 * Kib);
        using var reader = await fx.Store.OpenReadAsync(1);
        using (var file = File.OpenHandle(info.FilePath, FileMode.Open, FileAccess.Write))
        {
            RandomAccess.SetLength(file, 10 * Kib);
        }

        Assert.Throws<BlockCorruptedException>(() => reader.Read(0, new byte[20 * Kib]));
        Assert.Null(fx.Store.GetBlock(1));
    }

    [Fact]
    public async Task A_corrupt_block_is_not_spread_by_eviction()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 16 * Kib);
        Flip(info.FilePath, 100);

        await Assert.ThrowsAsync<BlockCorruptedException>(async () => await fx.Store.MoveBlockAsync(1, 1));

        Assert.Null(fx.Store.GetBlock(1));
        Assert.Empty(Directory.GetFiles(Path.Combine(fx.Root, "ssd", "blocks")));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task With_verification_off_the_bytes_are_served_as_they_are()
    {
        using var fx = new StoreFixture(configure: o => o.VerifyChecksumsOnRead = false);
        var info = await fx.WriteAsync(1, 8 * Kib);
        Flip(info.FilePath, 5);

        Assert.NotEqual(StoreFixture.Content(1, 8 * Kib), await fx.ReadAsync(1));
        Assert.NotNull(fx.Store.GetBlock(1));
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
