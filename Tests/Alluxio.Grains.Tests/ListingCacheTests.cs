using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>
/// Listings served from the cached child lists and the statuses kept with inode records never go stale: every change
/// shows in the next listing, for directories small enough to cache and for larger ones that are paged from RocksDB.
/// </summary>
public sealed class ListingCacheTests : MasterTest
{
    private const int MaxCachedChildren = 8;
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    protected override void ConfigureStore(Alluxio.Metastore.MetastoreOptions options)
    {
        options.SyncJournal = false;
        options.ChildListMaxChildren = MaxCachedChildren;
    }

    protected override void Configure(FileSystemMasterOptions options) => options.ListingBatchSize = 3;

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public async Task Creates_deletes_and_renames_show_in_the_next_listing(int children)
    {
        await Fs.CreateDirectory("/d", new CreateDirectoryOptions(), Super);
        await Fs.CreateDirectory("/other", new CreateDirectoryOptions(), Super);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < children; i++)
        {
            await Fs.CreateFile($"/d/f{i:D2}", new CreateFileOptions(), Super);
            expected.Add($"f{i:D2}");
            Assert.Equal(expected, await Names("/d"));
        }

        await Fs.Delete("/d/f01", new DeleteOptions(), Super);
        expected.Remove("f01");
        Assert.Equal(expected, await Names("/d"));

        await Fs.Rename("/d/f02", "/other/moved", new RenameOptions(), Super);
        expected.Remove("f02");
        Assert.Equal(expected, await Names("/d"));
        Assert.Equal(["moved"], await Names("/other"));

        await Fs.Rename("/other/moved", "/d/back", new RenameOptions(), Super);
        expected.Add("back");
        Assert.Equal(expected, await Names("/d"));
        Assert.Empty(await Names("/other"));

        // Growing past the cached size and shrinking back below it.
        for (var i = 0; i < MaxCachedChildren; i++)
        {
            await Fs.CreateDirectory($"/d/g{i}", new CreateDirectoryOptions(), Super);
            expected.Add($"g{i}");
        }

        Assert.Equal(expected, await Names("/d"));
        await Fs.Delete("/d", new DeleteOptions(Recursive: true), Super);
        await Assert.ThrowsAsync<Alluxio.Grains.Exceptions.FileDoesNotExistException>(() => Names("/d"));
    }

    [Fact]
    public async Task A_kept_status_is_reused_until_the_inode_or_its_path_changes()
    {
        await Fs.CreateDirectory("/a", new CreateDirectoryOptions(), Super);
        await Fs.CreateFile("/a/f", new CreateFileOptions(), Super);
        var first = await Fs.GetStatus("/a/f", Never, Super);
        Assert.Same(first, await Fs.GetStatus("/a/f", Never, Super));
        Assert.Same(first, Assert.Single(await List("/a")));

        await Fs.SetAttribute("/a/f", new SetAttributeOptions(Mode: 0x1C0), Super);
        var changed = await Fs.GetStatus("/a/f", Never, Super);
        Assert.NotSame(first, changed);
        Assert.Equal(0x1C0, changed.Mode);
        Assert.Equal(0x1C0, Assert.Single(await List("/a")).Mode);

        // Renaming the parent changes the child's path, though not its record.
        await Fs.Rename("/a", "/b", new RenameOptions(), Super);
        var moved = Assert.Single(await List("/b"));
        Assert.Equal("/b/f", moved.Path);
        Assert.EndsWith("/b/f", moved.UfsPath, StringComparison.Ordinal);
        Assert.Equal("/b/f", (await Fs.GetStatus("/b/f", Never, Super)).Path);
    }

    private async Task<List<FileStatus>> List(string path)
    {
        var entries = new List<FileStatus>();
        await foreach (var status in Fs.ListStatus(path, new ListStatusOptions(Sync: Never), Super, CancellationToken.None))
        {
            entries.Add(status);
        }

        return entries;
    }

    private async Task<List<string>> Names(string path) => [.. (await List(path)).Select(s => s.Name)];
}
