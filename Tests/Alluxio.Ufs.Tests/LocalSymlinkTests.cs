using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>
/// Symlinks inside the mount: followed while they stay in the root; invisible to reads and refused to writes when
/// they lead outside; never used to read, change or delete anything outside.
/// </summary>
public sealed class LocalSymlinkTests : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();
    private LocalUnderFileSystem _ufs = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch.Host("outside/sub"));
        File.WriteAllText(_scratch.Host("outside/secret.txt"), "secret");
        _ufs = new LocalUnderFileSystem(_scratch.Root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    public async Task A_symlink_to_a_directory_outside_the_root_is_invisible_to_reads(string kind)
    {
        File.CreateSymbolicLink(_scratch.InRoot("link"), kind == "absolute" ? _scratch.Host("outside") : "../outside");
        await File.WriteAllTextAsync(_scratch.InRoot("inside.txt"), "in");

        Assert.Null(await _ufs.GetStatusAsync("link"));
        Assert.Null(await _ufs.GetStatusAsync("link/secret.txt"));
        Assert.Null(await _ufs.GetHostFileAsync("link/secret.txt"));
        Assert.Equal(["inside.txt"], await NamesAsync(""));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => NamesAsync("link"));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.OpenAsync("link/secret.txt"));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.SetModeAsync("link/secret.txt", 0x1FF));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.SetOwnerAsync("link", "root", null));
        Assert.False(await _ufs.DeleteFileAsync("link/secret.txt"));
        Assert.False(await _ufs.DeleteDirectoryAsync("link/sub", recursive: true));
        Assert.False(await _ufs.DeleteDirectoryAsync("link", recursive: true));
        Assert.False(await _ufs.RenameAsync("link/secret.txt", "stolen.txt"));
        Assert.False(await _ufs.RenameAsync("link", "moved"));
        Assert.Throws<UfsNotFoundException>(() => _ufs.Watch("link"));

        AssertOutsideUntouched();
        Assert.True(new FileInfo(_scratch.InRoot("link")).LinkTarget is not null, "the link itself stays");
    }

    [Fact]
    public async Task Symlinks_to_system_files_and_directories_are_invisible()
    {
        File.CreateSymbolicLink(_scratch.InRoot("etc"), "/etc");
        File.CreateSymbolicLink(_scratch.InRoot("passwd"), "/etc/passwd");
        var passwdMode = File.GetUnixFileMode("/etc/passwd");

        Assert.Null(await _ufs.GetStatusAsync("etc/passwd"));
        Assert.Null(await _ufs.GetStatusAsync("passwd"));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.OpenAsync("etc/passwd"));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.OpenAsync("passwd"));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.SetModeAsync("passwd", 0x1FF));
        Assert.False(await _ufs.DeleteFileAsync("passwd"));
        Assert.False(await _ufs.DeleteFileAsync("etc/passwd"));
        Assert.Empty(await NamesAsync(""));

        Assert.True(File.Exists("/etc/passwd"));
        Assert.Equal(passwdMode, File.GetUnixFileMode("/etc/passwd"));
    }

    [Fact]
    public async Task Writes_through_or_onto_an_escaping_symlink_are_refused()
    {
        File.CreateSymbolicLink(_scratch.InRoot("link"), _scratch.Host("outside"));
        await File.WriteAllTextAsync(_scratch.InRoot("a.txt"), "a");

        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.CreateFileAsync("link/new.txt"));
        await Assert.ThrowsAsync<UfsPermissionException>(() =>
            _ufs.CreateFileAsync("link/deeper/new.txt", new UfsCreateFileOptions { CreateParents = true }));
        await Assert.ThrowsAsync<UfsPermissionException>(() =>
            _ufs.CreateFileAsync("link/secret.txt", new UfsCreateFileOptions { Overwrite = true }));
        await Assert.ThrowsAsync<UfsPermissionException>(() =>
            _ufs.CreateFileAsync("link", new UfsCreateFileOptions { Overwrite = true }));
        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.CreateDirectoryAsync("link"));
        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.CreateDirectoryAsync("link/d"));
        await Assert.ThrowsAsync<UfsPermissionException>(() =>
            _ufs.CreateDirectoryAsync("link/d/e", new UfsCreateDirectoryOptions { Recursive = true }));
        await Assert.ThrowsAsync<UfsPermissionException>(() => _ufs.RenameAsync("a.txt", "link/a.txt"));

        AssertOutsideUntouched();
        Assert.Equal("a", await File.ReadAllTextAsync(_scratch.InRoot("a.txt")));
    }

    [Fact]
    public async Task Recursive_delete_removes_links_but_never_what_they_point_to()
    {
        Directory.CreateDirectory(_scratch.InRoot("d/inner"));
        File.CreateSymbolicLink(_scratch.InRoot("d/to-outside"), _scratch.Host("outside"));
        File.CreateSymbolicLink(_scratch.InRoot("d/inner/to-secret"), _scratch.Host("outside/secret.txt"));

        Assert.True(await _ufs.DeleteDirectoryAsync("d", recursive: true));

        Assert.False(Directory.Exists(_scratch.InRoot("d")));
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task Symlinks_that_stay_inside_the_root_are_followed()
    {
        Directory.CreateDirectory(_scratch.InRoot("real"));
        await File.WriteAllTextAsync(_scratch.InRoot("real/f.txt"), "data");
        File.CreateSymbolicLink(_scratch.InRoot("alias"), "real");
        File.CreateSymbolicLink(_scratch.InRoot("file-alias"), _scratch.InRoot("real/f.txt"));

        var status = await _ufs.GetStatusAsync("alias/f.txt");
        Assert.NotNull(status);
        Assert.Equal("alias/f.txt", status.Path);
        Assert.True((await _ufs.GetStatusAsync("alias"))!.IsDirectory);
        Assert.Equal(4, (await _ufs.GetStatusAsync("file-alias"))!.Length);
        Assert.Equal((await _ufs.GetHostFileAsync("real/f.txt"))!.HostPath, (await _ufs.GetHostFileAsync("file-alias"))!.HostPath);
        Assert.Equal(["alias", "file-alias", "real"], await NamesAsync(""));
        Assert.Equal(["f.txt"], await NamesAsync("alias"));
        await using (var input = await _ufs.OpenAsync("file-alias"))
        {
            Assert.Equal("data", await new StreamReader(input).ReadToEndAsync());
        }

        await using (var output = await _ufs.CreateFileAsync("alias/new.txt"))
        {
            await output.WriteAsync("via alias"u8.ToArray());
            await output.CommitAsync();
        }

        Assert.Equal("via alias", await File.ReadAllTextAsync(_scratch.InRoot("real/new.txt")));

        // Deleting a link removes the link, not its target.
        Assert.True(await _ufs.DeleteFileAsync("file-alias"));
        Assert.True(await _ufs.DeleteDirectoryAsync("alias", recursive: true));
        Assert.Equal("data", await File.ReadAllTextAsync(_scratch.InRoot("real/f.txt")));
        Assert.Equal(["real"], await NamesAsync(""));
    }

    [Fact]
    public async Task A_dangling_symlink_is_invisible_and_overwriting_it_replaces_the_link_only()
    {
        File.CreateSymbolicLink(_scratch.InRoot("dangling"), _scratch.Host("outside/ghost.txt"));

        Assert.Null(await _ufs.GetStatusAsync("dangling"));
        Assert.Empty(await NamesAsync(""));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => _ufs.CreateFileAsync("dangling"));

        await using (var output = await _ufs.CreateFileAsync("dangling", new UfsCreateFileOptions { Overwrite = true }))
        {
            await output.WriteAsync("now a file"u8.ToArray());
            await output.CommitAsync();
        }

        Assert.False(File.Exists(_scratch.Host("outside/ghost.txt")));
        Assert.Null(new FileInfo(_scratch.InRoot("dangling")).LinkTarget);
        Assert.Equal("now a file", await File.ReadAllTextAsync(_scratch.InRoot("dangling")));
    }

    [Fact]
    public async Task A_mount_root_reached_through_a_symlink_works()
    {
        File.CreateSymbolicLink(_scratch.Host("root-link"), _scratch.Root);
        await using var viaLink = new LocalUnderFileSystem(_scratch.Host("root-link"));
        File.CreateSymbolicLink(_scratch.InRoot("abs-alias"), _scratch.Host("root-link/data"));
        Directory.CreateDirectory(_scratch.InRoot("data"));

        Assert.True(await viaLink.CreateDirectoryAsync("data/x"));
        Assert.True((await viaLink.GetStatusAsync("abs-alias/x"))!.IsDirectory);
        Assert.True(Directory.Exists(_scratch.InRoot("data/x")));
    }

    [Fact]
    public async Task A_fifo_is_invisible_and_never_opened()
    {
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", _scratch.InRoot("pipe")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.Null(await _ufs.GetStatusAsync("pipe"));
        Assert.Empty(await NamesAsync(""));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => _ufs.OpenAsync("pipe"));
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal("secret", File.ReadAllText(_scratch.Host("outside/secret.txt")));
        Assert.Equal(
            [_scratch.Host("outside/secret.txt"), _scratch.Host("outside/sub")],
            Directory.EnumerateFileSystemEntries(_scratch.Host("outside")).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch.Host("outside/sub")));
    }

    private async Task<List<string>> NamesAsync(string path)
    {
        var names = new List<string>();
        await foreach (var child in _ufs.ListAsync(path))
        {
            names.Add(child.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
