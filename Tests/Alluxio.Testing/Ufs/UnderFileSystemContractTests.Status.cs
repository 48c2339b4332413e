using Alluxio.Ufs;
using Xunit;

namespace Alluxio.Testing.Ufs;

// Status, listing, fingerprints, space, capabilities.
public abstract partial class UnderFileSystemContractTests
{
    [Fact]
    public async Task Root_is_an_existing_directory()
    {
        foreach (var root in new[] { "", "/", ".", "//" })
        {
            var status = await Ufs.GetStatusAsync(root);
            Assert.NotNull(status);
            Assert.True(status.IsDirectory);
            Assert.Equal("", status.Path);
            Assert.Equal("", status.Name);
        }
    }

    [Fact]
    public async Task Status_of_absent_paths_is_null()
    {
        await WriteFileAsync("file.txt", "x");
        await AssertAbsentAsync("missing");
        await AssertAbsentAsync("missing/deeper/still");
        await AssertAbsentAsync("file.txt/below-a-file");
    }

    [Fact]
    public async Task Status_of_a_file_reports_its_name_path_type_length_and_time()
    {
        var before = DateTimeOffset.UtcNow;
        await WriteFileAsync("dir/data.bin", new byte[1234]);
        var status = await Ufs.GetStatusAsync("dir/data.bin");

        Assert.NotNull(status);
        Assert.Equal("data.bin", status.Name);
        Assert.Equal("dir/data.bin", status.Path);
        Assert.False(status.IsDirectory);
        Assert.Equal(1234, status.Length);
        Assert.InRange(status.LastModified, before.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Status_of_a_directory_reports_it_as_a_directory()
    {
        await MakeDirectoryAsync("a/b");
        var status = await Ufs.GetStatusAsync("a/b");
        Assert.NotNull(status);
        Assert.True(status.IsDirectory);
        Assert.Equal("b", status.Name);
        Assert.Equal("a/b", status.Path);
        Assert.Equal(0, status.Length);
    }

    [Fact]
    public async Task List_returns_direct_children_only()
    {
        await WriteFileAsync("d/a.txt", "a");
        await WriteFileAsync("d/sub/deep.txt", "deep");
        await MakeDirectoryAsync("d/empty");

        var children = (await ListAllAsync("d")).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(["a.txt", "empty", "sub"], children.Select(s => s.Name));
        Assert.Equal(["d/a.txt", "d/empty", "d/sub"], children.Select(s => s.Path));
        Assert.Equal([false, true, true], children.Select(s => s.IsDirectory));
        Assert.Equal(1, children[0].Length);
        Assert.Equal(["d"], await ListNamesAsync(""));
    }

    [Fact]
    public async Task Listed_statuses_equal_the_statuses_of_the_children()
    {
        await WriteFileAsync("d/one.txt", "1");
        await MakeDirectoryAsync("d/two");
        foreach (var child in await ListAllAsync("d"))
        {
            var direct = await Ufs.GetStatusAsync(child.Path);
            Assert.Equal(direct, child);
        }
    }

    [Fact]
    public async Task List_of_an_empty_directory_is_empty()
    {
        Assert.Empty(await ListAllAsync(""));
        await MakeDirectoryAsync("empty");
        Assert.Empty(await ListAllAsync("empty"));
    }

    [Fact]
    public async Task List_of_a_missing_directory_throws_not_found()
    {
        var e = await Assert.ThrowsAsync<UfsNotFoundException>(() => ListAllAsync("nope"));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_of_a_file_throws_not_a_directory()
    {
        await WriteFileAsync("f.txt", "x");
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() => ListAllAsync("f.txt"));
    }

    [Fact]
    public async Task Fingerprint_is_stable_while_nothing_changes()
    {
        await WriteFileAsync("f.txt", "content");
        var first = (await Ufs.GetStatusAsync("f.txt"))!.Fingerprint;

        Assert.Equal("content", await ReadTextAsync("f.txt"));
        await ListAllAsync("");
        await WriteFileAsync("sibling.txt", "other");
        await Ufs.RenameAsync("sibling.txt", "moved.txt");

        Assert.Equal(first, (await Ufs.GetStatusAsync("f.txt"))!.Fingerprint);
        Assert.True(UfsFingerprint.HasSameContent(first, (await Ufs.GetStatusAsync("f.txt"))!.Fingerprint));
    }

    [Fact]
    public async Task Fingerprint_changes_when_the_content_is_replaced_even_at_the_same_length()
    {
        await WriteFileAsync("f.txt", "aaaa");
        var first = (await Ufs.GetStatusAsync("f.txt"))!.Fingerprint;

        await WriteFileAsync("f.txt", "bbbb", new UfsCreateFileOptions { Overwrite = true });
        var second = (await Ufs.GetStatusAsync("f.txt"))!.Fingerprint;

        Assert.NotEqual(first, second);
        Assert.False(UfsFingerprint.HasSameContent(first, second));
    }

    [Fact]
    public async Task Fingerprint_changes_when_the_length_changes()
    {
        await WriteFileAsync("f.txt", "short");
        var first = (await Ufs.GetStatusAsync("f.txt"))!;
        await WriteFileAsync("f.txt", "much longer content", new UfsCreateFileOptions { Overwrite = true });
        var second = (await Ufs.GetStatusAsync("f.txt"))!;

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal("5", UfsFingerprint.Parse(first.Fingerprint)["LEN"]);
        Assert.Equal("19", UfsFingerprint.Parse(second.Fingerprint)["LEN"]);
    }

    [Fact]
    public async Task Fingerprints_tell_files_from_directories()
    {
        await WriteFileAsync("f", "");
        await MakeDirectoryAsync("d");
        Assert.Equal("FILE", UfsFingerprint.Parse((await Ufs.GetStatusAsync("f"))!.Fingerprint)["TYPE"]);
        Assert.Equal("DIR", UfsFingerprint.Parse((await Ufs.GetStatusAsync("d"))!.Fingerprint)["TYPE"]);
    }

    [Fact]
    public async Task Space_is_consistent_where_known()
    {
        var space = await Ufs.GetSpaceAsync();
        if (space.TotalBytes != UfsSpace.Unknown)
        {
            Assert.True(space.TotalBytes > 0, $"total {space.TotalBytes}");
            Assert.InRange(space.UsedBytes, 0, space.TotalBytes);
            Assert.InRange(space.FreeBytes, 0, space.TotalBytes);
        }
        else
        {
            Assert.Equal(new UfsSpace(UfsSpace.Unknown, UfsSpace.Unknown, UfsSpace.Unknown), space);
        }
    }

    [Fact]
    public async Task Watch_is_offered_exactly_when_active_sync_is_supported()
    {
        var watcher = Ufs.Watch("");
        try
        {
            Assert.Equal(Ufs.Capabilities.SupportsActiveSync, watcher is not null);
        }
        finally
        {
            if (watcher is not null)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Scheme_and_root_describe_the_mount()
    {
        Assert.Equal(Ufs.Scheme, Ufs.Root.Scheme);
        Assert.Equal(Ufs.Scheme.ToLowerInvariant(), Ufs.Scheme);
        Assert.NotNull(await Ufs.GetStatusAsync(""));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ufs.GetStatusAsync("", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ufs.CreateDirectoryAsync("d", null, cancelled.Token));
        await AssertAbsentAsync("d");
    }
}
