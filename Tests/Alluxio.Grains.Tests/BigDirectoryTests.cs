using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Protos.Meta;
using Xunit;
using Xunit.Abstractions;

namespace Alluxio.Grains.Tests;

/// <summary>
/// A directory of 1,000,000 files lists completely, in order, while the silo's managed heap stays within a bound that
/// does not depend on the directory's size (pages of 1,000 entries stream through; listings do not fill the cache).
/// </summary>
public sealed class BigDirectoryTests(ITestOutputHelper output) : MasterTest
{
    private const int Files = 1_000_000;

    /// <summary>The stated bound: growth of the managed heap while listing (the 1M-entry listing itself is ~300 MB).</summary>
    private const long HeapBoundBytes = 96L << 20;

    protected override void ConfigureStore(Alluxio.Metastore.MetastoreOptions options)
    {
        // Bulk loading is not what this test measures.
        options.SyncJournal = false;
        options.InodeCacheCapacity = 10_000;
    }

    [Fact]
    public async Task A_million_entry_directory_lists_completely_with_bounded_memory()
    {
        var dir = await Fs.CreateDirectory("/big", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
        var store = Service<Alluxio.Metastore.Metastore>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var batches = Enumerable.Range(0, Files / 1000).Select(b =>
        {
            var entry = new CreateInodesEntry();
            for (var i = b * 1000; i < (b + 1) * 1000; i++)
            {
                entry.Inodes.Add(InodeFactory.File(store.NewInodeId(), dir.FileId, $"f{i:D7}", dir.MountId, "u", "g", 420, 64 << 20, now));
            }

            return new JournalEntry { CreateInodes = entry };
        });
        foreach (var chunk in batches.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(e => store.CommitAsync(e)));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long count = 0;
        string? previous = null;
        var ordered = true;
        await foreach (var status in Fs.ListStatus("/big", new ListStatusOptions(Sync: new SyncOptions(LoadMetadataType.Never)), Super, CancellationToken.None))
        {
            if (previous is not null && string.CompareOrdinal(previous, status.Name) >= 0)
            {
                ordered = false;
            }

            previous = status.Name;
            if (++count % 50_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        output.WriteLine($"listed {count:N0} entries; managed heap growth peaked at {peak / (1 << 20)} MiB (bound {HeapBoundBytes / (1 << 20)} MiB)");
        Assert.Equal(Files, count);
        Assert.True(ordered, "entries must come in name order");
        Assert.Equal("f0999999", previous);
        Assert.InRange(peak, long.MinValue, HeapBoundBytes);
    }
}
