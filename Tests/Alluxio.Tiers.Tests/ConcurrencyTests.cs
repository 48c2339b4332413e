using Alluxio.Testing;
using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>
/// Seeded random writes, reads, promotions, moves, pins and removals from several tasks over small tiers, so eviction
/// runs all the time. Afterwards the index is consistent, every block reads back its own bytes, and a restart finds
/// exactly the same blocks. Each task's operations come from its own seed (the interleaving is the machine's).
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Kib = StoreFixture.Kib;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_concurrent_operations_keep_the_store_consistent(int seed)
    {
        using var fx = new StoreFixture(memQuota: 96 * Kib, ssdQuota: 160 * Kib, memDirectories: 2);
        var unexpected = new List<Exception>();
        var tasks = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var random = new Random((seed * 100) + worker);
            for (var step = 0; step < 300; step++)
            {
                var id = random.Next(1, 40);
                try
                {
                    await RandomOperation(fx, random, id);
                }
                catch (Exception e) when (e is BlockNotFoundException or BlockAlreadyExistsException or BlockStoreFullException)
                {
                    // Expected outcomes of racing operations on a small store.
                }
                catch (Exception e)
                {
                    lock (unexpected)
                    {
                        unexpected.Add(new InvalidOperationException($"seed {seed}, worker {worker}, step {step}, block {id}", e));
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).Within("the random operations");

        Assert.Empty(unexpected);
        Assert.Contains(fx.Events.Log, e => e.EndsWith("Evicted", StringComparison.Ordinal)); // the run did exercise eviction
        Assert.Contains(fx.Events.Log, e => e.StartsWith("moved", StringComparison.Ordinal));
        fx.AssertConsistent();
        var blocks = fx.Store.GetBlocks();
        foreach (var block in blocks)
        {
            Assert.Equal(StoreFixture.Content(block.BlockId, (int)block.Length), await fx.ReadAsync(block.BlockId));
        }

        Assert.All(fx.Store.GetReport().SelectMany(t => t.Directories), d => Assert.True(d.UsedBytes <= d.CapacityBytes && d.ReservedBytes == 0, $"{d}"));
        var before = blocks.Select(b => (b.BlockId, b.TierAlias, b.Length)).Order().ToList();
        fx.Reopen();
        Assert.Equal(before, fx.Store.GetBlocks().Select(b => (b.BlockId, b.TierAlias, b.Length)).Order().ToList());
        fx.AssertConsistent();
    }

    private static async Task RandomOperation(StoreFixture fx, Random random, long id)
    {
        switch (random.Next(10))
        {
            case < 4:
                var length = random.Next(0, 24 * Kib);
                var options = new BlockWriteOptions { TierOrdinal = random.Next(4) == 0 ? 1 : 0, Pinned = random.Next(20) == 0 };
                if (random.Next(3) == 0)
                {
                    using var abandoned = await fx.Store.CreateBlockAsync(id, options);
                    await abandoned.WriteAsync(new byte[random.Next(1, 8 * Kib)]);
                }
                else
                {
                    await fx.WriteAsync(id, length, options, pieceBytes: random.Next(500, 9000));
                }

                break;
            case < 7:
                using (var reader = await fx.Store.OpenReadAsync(id, new BlockReadOptions { Promote = random.Next(3) == 0 }))
                {
                    var bytes = new byte[reader.Length];
                    Assert.Equal(bytes.Length, reader.Read(0, bytes));
                    Assert.Equal(StoreFixture.Content(id, bytes.Length), bytes);
                    await Task.Yield(); // hold the lease a moment
                }

                break;
            case 7:
                await fx.Store.RemoveBlockAsync(id);
                break;
            case 8:
                await fx.Store.MoveBlockAsync(id, random.Next(2));
                break;
            default:
                if (random.Next(2) == 0)
                {
                    fx.Store.SetPinned(id, random.Next(2) == 0);
                }
                else
                {
                    await fx.Store.PromoteAsync();
                }

                break;
        }
    }
}
