using Alluxio.Testing;
using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>Local-only behaviour: what lands on disk, temp files, fingerprints, a missing root, disposal.</summary>
public sealed class LocalUnderFileSystemTests : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new();
    private LocalUnderFileSystem _ufs = null!;

    public Task InitializeAsync()
    {
        _ufs = new LocalUnderFileSystem(_scratch.Root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task A_committed_file_is_on_disk_with_its_content_and_no_temp_file_remains()
    {
        var content = new byte[300_000];
        new Random(3).NextBytes(content);
        await using (var output = await _ufs.CreateFileAsync("d/f.bin", new UfsCreateFileOptions { CreateParents = true }))
        {
            await output.WriteAsync(content);
            await output.CommitAsync();
        }

        Assert.Equal(content, await File.ReadAllBytesAsync(_scratch.InRoot("d/f.bin")));
        Assert.Empty(_scratch.InternalLeftovers());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(4096L)]
    [InlineData(1L << 20)]
    public async Task Early_writeback_does_not_change_what_lands(long writebackBytes)
    {
        await using var ufs = new LocalUnderFileSystem(_scratch.Root, LocalUnderFileSystemOptions.Default with { WritebackBytes = writebackBytes });
        var content = new byte[(3 << 20) + 5];
        new Random(5).NextBytes(content);
        var source = _scratch.Host("source.bin");
        await File.WriteAllBytesAsync(source, content);
        using var handle = File.OpenHandle(source);
        await using (var output = await ufs.CreateFileAsync("w.bin"))
        {
            for (var offset = 0; offset < 1 << 20; offset += 1000)
            {
                await output.WriteAsync(content.AsMemory(offset, Math.Min(1000, (1 << 20) - offset))); // small writes, through the stream's buffer
            }

            output.Write(content.AsSpan(1 << 20, 1 << 20));
            await output.AppendFileAsync(handle, 2 << 20, content.Length - (2 << 20));
            await output.CommitAsync();
        }

        Assert.Equal(content, await File.ReadAllBytesAsync(_scratch.InRoot("w.bin")));
        Assert.Throws<ArgumentOutOfRangeException>(() => (LocalUnderFileSystemOptions.Default with { WritebackBytes = -1 }).Validate());
    }

    [Fact]
    public async Task A_pending_write_is_a_private_hidden_temp_file_in_the_target_directory()
    {
        Directory.CreateDirectory(_scratch.InRoot("d"));
        var output = await _ufs.CreateFileAsync("d/f.txt");
        await output.WriteAsync("pending"u8.ToArray());
        await output.FlushAsync();

        var temp = Assert.Single(_scratch.InternalLeftovers());
        Assert.Equal(_scratch.InRoot("d"), Path.GetDirectoryName(temp));
        Assert.StartsWith(".alluxio-ufs-", Path.GetFileName(temp), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp));
        Assert.Null(await _ufs.GetStatusAsync(Path.GetFileName(temp)));

        await output.DisposeAsync();
        Assert.Empty(_scratch.InternalLeftovers());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch.InRoot("d")));
    }

    [Fact]
    public async Task A_file_is_located_on_the_host_with_its_length_and_nothing_else_is()
    {
        Directory.CreateDirectory(_scratch.InRoot("d"));
        await File.WriteAllTextAsync(_scratch.InRoot("d/f.txt"), "twelve bytes");

        var file = await _ufs.GetHostFileAsync("/d//f.txt");

        Assert.NotNull(file);
        Assert.Equal(12, file.Length);
        Assert.Equal("twelve bytes", await File.ReadAllTextAsync(file.HostPath));
        Assert.Equal((File.GetLastWriteTimeUtc(file.HostPath) - DateTime.UnixEpoch).Ticks, file.LastModifiedNanos / 100);
        Assert.Null(await _ufs.GetHostFileAsync("d"));
        Assert.Null(await _ufs.GetHostFileAsync("d/missing"));
        Assert.Null(await _ufs.GetHostFileAsync("d/f.txt/under-a-file"));
        await Assert.ThrowsAsync<UfsPathException>(() => _ufs.GetHostFileAsync("../escape"));
    }

    [Fact]
    public async Task Leftovers_of_a_crashed_writer_are_invisible_and_their_names_reserved()
    {
        var leftover = ".alluxio-ufs-" + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(_scratch.InRoot(leftover), "half-written");
        await File.WriteAllTextAsync(_scratch.InRoot(".hidden"), "dot files are ordinary");

        Assert.Null(await _ufs.GetStatusAsync(leftover));
        Assert.Null(await _ufs.GetHostFileAsync(leftover));
        Assert.Equal([".hidden"], await NamesAsync(""));
        Assert.False(await _ufs.DeleteFileAsync(leftover));
        await Assert.ThrowsAsync<UfsPathException>(() => _ufs.CreateFileAsync(leftover, new UfsCreateFileOptions { Overwrite = true }));
        await Assert.ThrowsAsync<UfsPathException>(() => _ufs.CreateDirectoryAsync("x/" + leftover, new UfsCreateDirectoryOptions { Recursive = true }));
        await Assert.ThrowsAsync<UfsPathException>(() => _ufs.RenameAsync(".hidden", leftover));
        Assert.Equal("half-written", await File.ReadAllTextAsync(_scratch.InRoot(leftover)));
    }

    [Fact]
    public async Task Fingerprint_changes_when_only_the_modification_time_changes()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("f"), "same");
        var before = (await _ufs.GetStatusAsync("f"))!;
        File.SetLastWriteTimeUtc(_scratch.InRoot("f"), before.LastModified.UtcDateTime.AddSeconds(-30));
        var after = (await _ufs.GetStatusAsync("f"))!;

        Assert.Equal(before.Length, after.Length);
        Assert.Equal(before.FileId, after.FileId);
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
        Assert.False(UfsFingerprint.HasSameContent(before.Fingerprint, after.Fingerprint));
        Assert.Equal(before.LastModified.AddSeconds(-30), after.LastModified);
    }

    [Fact]
    public async Task File_id_follows_the_inode_across_renames_and_changes_on_replacement()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("f"), "one");
        var original = (await _ufs.GetStatusAsync("f"))!.FileId;
        Assert.Matches("^[0-9]+:[0-9]+:[0-9]+$", original);

        await _ufs.RenameAsync("f", "g");
        Assert.Equal(original, (await _ufs.GetStatusAsync("g"))!.FileId);

        await using (var output = await _ufs.CreateFileAsync("g", new UfsCreateFileOptions { Overwrite = true }))
        {
            await output.WriteAsync("two"u8.ToArray());
            await output.CommitAsync();
        }

        Assert.NotEqual(original, (await _ufs.GetStatusAsync("g"))!.FileId);
    }

    [Fact]
    public async Task Read_streams_are_seekable()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("f"), "0123456789");
        await using var input = await _ufs.OpenAsync("f", 7);
        Assert.True(input.CanSeek);
        Assert.Equal(7, input.Position);
        Assert.Equal(10, input.Length);
        input.Seek(2, SeekOrigin.Begin);
        var buffer = new byte[3];
        await input.ReadExactlyAsync(buffer);
        Assert.Equal("234"u8.ToArray(), buffer);
    }

    [Fact]
    public async Task A_missing_root_makes_the_ufs_unavailable_until_it_appears()
    {
        var rootPath = _scratch.Host("later");
        await using var ufs = new LocalUnderFileSystem(rootPath);

        Assert.Null(await ufs.GetStatusAsync(""));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.GetStatusAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.CreateFileAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.CreateDirectoryAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(async () => { await foreach (var _ in ufs.ListAsync("")) { } });
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.GetSpaceAsync());
        Assert.False(Directory.Exists(rootPath));

        Directory.CreateDirectory(rootPath);
        Assert.True(await ufs.CreateDirectoryAsync("x"));

        Directory.Delete(rootPath, recursive: true);
        Assert.Null(await ufs.GetStatusAsync(""));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.GetStatusAsync("x"));
        await Assert.ThrowsAsync<UfsUnavailableException>(() => ufs.DeleteFileAsync("x/y"));
    }

    [Fact]
    public async Task Space_matches_the_file_system_of_the_root()
    {
        var space = await _ufs.GetSpaceAsync();
        var drive = new DriveInfo(_scratch.Root);
        Assert.Equal(drive.TotalSize, space.TotalBytes);
        Assert.True(space.FreeBytes > 0);
        Assert.True(space.UsedBytes > 0);
    }

    [Fact]
    public void The_root_must_be_an_absolute_path()
    {
        Assert.Throws<UfsPathException>(() => new LocalUnderFileSystem("relative/dir"));
        Assert.Throws<UfsPathException>(() => new LocalUnderFileSystem(""));
        var ufs = new LocalUnderFileSystem(_scratch.Root + "/./");
        Assert.Equal(_scratch.Root, ufs.RootPath);
        Assert.Equal("file", ufs.Root.Scheme);
        Assert.Equal(_scratch.Root, Uri.UnescapeDataString(ufs.Root.AbsolutePath));
    }

    [Fact]
    public async Task A_disposed_ufs_refuses_calls_and_stops_its_watchers()
    {
        var ufs = new LocalUnderFileSystem(_scratch.Root);
        var watcher = ufs.Watch("")!;
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in watcher.ReadBatchesAsync())
            {
            }
        });

        await ufs.DisposeAsync();
        await ufs.DisposeAsync();

        await reading.Within("the watcher's batches to end when its UFS is disposed");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ufs.GetStatusAsync(""));
        Assert.Throws<ObjectDisposedException>(() => ufs.Watch(""));
    }

    private async Task<List<string>> NamesAsync(string path)
    {
        var names = new List<string>();
        await foreach (var child in _ufs.ListAsync(path))
        {
            names.Add(child.Name);
        }

        return names;
    }
}
