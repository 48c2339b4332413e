using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>A read-only mount refuses every change with "mount is read-only" and serves every read.</summary>
public sealed class ReadOnlyUnderFileSystemTests : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();
    private ReadOnlyUnderFileSystem _ufs = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch.InRoot("d"));
        await File.WriteAllTextAsync(_scratch.InRoot("d/f.txt"), "read me");
        _ufs = new ReadOnlyUnderFileSystem(new LocalUnderFileSystem(_scratch.Root));
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Every_change_is_refused_and_nothing_changes_on_disk()
    {
        var before = Snapshot();
        await AssertRefusedAsync(() => _ufs.CreateDirectoryAsync("new"));
        await AssertRefusedAsync(() => _ufs.CreateFileAsync("d/g.txt"));
        await AssertRefusedAsync(() => _ufs.CreateFileAsync("d/f.txt", new UfsCreateFileOptions { Overwrite = true }));
        await AssertRefusedAsync(() => _ufs.DeleteFileAsync("d/f.txt"));
        await AssertRefusedAsync(() => _ufs.DeleteDirectoryAsync("d", recursive: true));
        await AssertRefusedAsync(() => _ufs.RenameAsync("d/f.txt", "moved.txt"));
        await AssertRefusedAsync(() => _ufs.SetModeAsync("d/f.txt", 0x1FF));
        await AssertRefusedAsync(() => _ufs.SetOwnerAsync("d/f.txt", "nobody", null));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Reads_pass_through()
    {
        Assert.Equal(7, (await _ufs.GetStatusAsync("d/f.txt"))!.Length);
        var names = new List<string>();
        await foreach (var child in _ufs.ListAsync("d"))
        {
            names.Add(child.Name);
        }

        Assert.Equal(["f.txt"], names);
        await using (var input = await _ufs.OpenAsync("d/f.txt", 5))
        {
            Assert.Equal("me", await new StreamReader(input).ReadToEndAsync());
        }

        var host = await _ufs.GetHostFileAsync("d/f.txt");
        Assert.Equal(7, host!.Length);
        Assert.Equal("read me", await File.ReadAllTextAsync(host.HostPath));
        Assert.True((await _ufs.GetSpaceAsync()).TotalBytes > 0);
        await using var watcher = _ufs.Watch("d");
        Assert.NotNull(watcher);
        Assert.Equal("file", _ufs.Scheme);
        Assert.True(_ufs.Capabilities.SupportsAtomicRename);
    }

    private static async Task AssertRefusedAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<UfsPermissionException>(call);
        Assert.StartsWith("mount is read-only", e.Message, StringComparison.Ordinal);
    }

    private string Snapshot() => string.Join('\n', Directory
        .EnumerateFileSystemEntries(_scratch.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        .Order(StringComparer.Ordinal)
        .Select(p => $"{p} {File.GetUnixFileMode(p)} {(File.Exists(p) ? File.ReadAllText(p) : "dir")}"));
}
