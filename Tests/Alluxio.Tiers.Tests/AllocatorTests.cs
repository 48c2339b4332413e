using Alluxio.Tiers.Options;

namespace Alluxio.Tiers.Tests;

/// <summary>Three MEM directories of 64 KiB; where do 16 KiB blocks go?</summary>
public sealed class AllocatorTests
{
    private const int Block = 16 * StoreFixture.Kib;

    [Theory]
    [InlineData(AllocatorKind.MaxFree, new[] { 0, 1, 2, 0, 1, 2 })]
    [InlineData(AllocatorKind.RoundRobin, new[] { 0, 1, 2, 0, 1, 2 })]
    [InlineData(AllocatorKind.Greedy, new[] { 0, 0, 0, 0, 1, 1 })]
    public async Task Each_allocator_places_blocks_its_own_way(AllocatorKind kind, int[] expected)
    {
        using var fx = new StoreFixture(memDirectories: 3, configure: o => o.Allocator = kind);
        var placed = new List<int>();
        for (var id = 1; id <= expected.Length; id++)
        {
            var info = await fx.WriteAsync(id, Block, new Store.BlockWriteOptions { ExpectedLength = Block });
            placed.Add(int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(info.FilePath)))!["mem".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected, placed);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task MaxFree_prefers_the_emptier_directory()
    {
        using var fx = new StoreFixture(memDirectories: 2);
        await fx.WriteAsync(1, 3 * Block, new Store.BlockWriteOptions { ExpectedLength = 3 * Block });  // mem0
        var second = await fx.WriteAsync(2, Block, new Store.BlockWriteOptions { ExpectedLength = Block });
        var third = await fx.WriteAsync(3, Block, new Store.BlockWriteOptions { ExpectedLength = Block });

        Assert.Contains("mem1", second.FilePath);
        Assert.Contains("mem1", third.FilePath);
    }
}
