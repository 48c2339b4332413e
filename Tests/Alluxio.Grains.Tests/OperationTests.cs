using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Every namespace operation: what it does in Alluxio and in the UFS, and its error cases.</summary>
public sealed class OperationTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    [Fact]
    public async Task CreateDirectory_persists_by_default_and_honours_recursive_and_allowExists()
    {
        var created = await Fs.CreateDirectory("/a", new CreateDirectoryOptions(), Super);
        Assert.True(created.Folder);
        Assert.Equal("/a", created.Path);
        Assert.Equal(PersistenceState.Persisted, created.PersistenceState);
        Assert.True(Directory.Exists(Ufs("a")));
        Assert.Equal(Convert.ToInt32("755", 8), created.Mode);
        Assert.Equal(Environment.UserName, created.Owner);

        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.CreateDirectory("/a", new CreateDirectoryOptions(), Super));
        Assert.Equal(created.FileId, (await Fs.CreateDirectory("/a", new CreateDirectoryOptions(AllowExists: true), Super)).FileId);

        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.CreateDirectory("/x/y/z", new CreateDirectoryOptions(), Super));
        Assert.False(Directory.Exists(Ufs("x")));
        var deep = await Fs.CreateDirectory("/x/y/z", new CreateDirectoryOptions(Recursive: true), Super);
        Assert.Equal("/x/y/z", deep.Path);
        Assert.True(Directory.Exists(Ufs("x/y/z")));
        Assert.True((await Fs.GetStatus("/x/y", Never, Super)).Folder);
    }

    [Fact]
    public async Task MustCache_directories_stay_out_of_the_ufs()
    {
        var created = await Fs.CreateDirectory("/cache-only", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
        Assert.Equal(PersistenceState.NotPersisted, created.PersistenceState);
        Assert.False(Directory.Exists(Ufs("cache-only")));
    }

    [Fact]
    public async Task CreateFile_and_CompleteFile()
    {
        await Fs.CreateDirectory("/d", new CreateDirectoryOptions(), Super);
        var file = await Fs.CreateFile("/d/f", new CreateFileOptions(BlockSizeBytes: 1 << 20), Super);
        Assert.False(file.Completed);
        Assert.False(file.Folder);
        Assert.Equal(1 << 20, file.BlockSizeBytes);
        Assert.Equal(Convert.ToInt32("644", 8), file.Mode);
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.CreateFile("/d/f", new CreateFileOptions(), Super));

        var done = await Fs.CompleteFile("/d/f", new CompleteFileOptions(0, AsyncPersist: true), Super);
        Assert.True(done.Completed);
        Assert.Equal(PersistenceState.Persisted, done.PersistenceState);
        Assert.True(File.Exists(Ufs("d/f")));
        Assert.NotEmpty(done.UfsFingerprint);
        var again = await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.CompleteFile("/d/f", new CompleteFileOptions(), Super));
        Assert.Contains("already been completed", again.Message);

        await Fs.CreateFile("/d/cached", new CreateFileOptions(WriteType: WriteType.MustCache), Super);
        var cached = await Fs.CompleteFile("/d/cached", new CompleteFileOptions(10), Super);
        Assert.Equal(PersistenceState.NotPersisted, cached.PersistenceState);
        Assert.Equal(10, cached.Length);
        Assert.False(File.Exists(Ufs("d/cached")));

        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.CreateFile("/nope/f", new CreateFileOptions(), Super));
        var recursive = await Fs.CreateFile("/made/up/f", new CreateFileOptions(Recursive: true), Super);
        Assert.Equal("/made/up/f", recursive.Path);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.CreateFile("/d/f/under-a-file", new CreateFileOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.CompleteFile("/d", new CompleteFileOptions(), Super));
    }

    [Fact]
    public async Task Paths_are_validated()
    {
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.GetStatus("relative", Never, Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.GetStatus("/a/../b", Never, Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.GetStatus("", Never, Super));
        var created = await Fs.CreateDirectory("//double//slash/", new CreateDirectoryOptions(Recursive: true), Super);
        Assert.Equal("/double/slash", created.Path);
        Assert.Equal(created.FileId, (await Fs.GetStatus("/double/slash/", Never, Super)).FileId);
    }

    [Fact]
    public async Task GetStatus_and_Exists()
    {
        var root = await Fs.GetStatus("/", Never, Super);
        Assert.True(root.Folder);
        Assert.True(root.MountPoint);
        Assert.Equal("/", root.Path);
        var e = await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.GetStatus("/missing", Never, Super));
        Assert.Equal("Path \"/missing\" does not exist.", e.Message);
        Assert.False(await Fs.Exists("/missing", Never, Super));
        await Fs.CreateDirectory("/here", new CreateDirectoryOptions(), Super);
        Assert.True(await Fs.Exists("/here", Never, Super));
    }

    [Fact]
    public async Task ListStatus_lists_children_in_name_order_and_recursively()
    {
        await Fs.CreateDirectory("/l/b/c", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.CreateFile("/l/a.txt", new CreateFileOptions(), Super);
        await Fs.CreateFile("/l/b/c/deep.txt", new CreateFileOptions(), Super);
        Assert.Equal(["a.txt", "b"], (await ListAsync("/l")).Select(s => s.Name));
        Assert.Equal(["/l/a.txt", "/l/b", "/l/b/c", "/l/b/c/deep.txt"], (await ListAsync("/l", recursive: true)).Select(s => s.Path));
        Assert.Equal(["/l/a.txt"], (await ListAsync("/l/a.txt")).Select(s => s.Path));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => ListAsync("/nothing"));
    }

    [Fact]
    public async Task Delete_file_and_directories()
    {
        await Fs.CreateDirectory("/del/sub", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.CreateFile("/del/sub/f", new CreateFileOptions(), Super);
        await Fs.CompleteFile("/del/sub/f", new CompleteFileOptions(0, AsyncPersist: true), Super);
        var notEmpty = await Assert.ThrowsAsync<DirectoryNotEmptyException>(() => Fs.Delete("/del", new DeleteOptions(), Super));
        Assert.Contains("recursive", notEmpty.Message);
        Assert.True(await Fs.Exists("/del/sub/f", Never, Super));

        await Fs.Delete("/del/sub/f", new DeleteOptions(), Super);
        Assert.False(File.Exists(Ufs("del/sub/f")));
        await Fs.Delete("/del", new DeleteOptions(Recursive: true), Super);
        Assert.False(Directory.Exists(Ufs("del")));
        Assert.False(await Fs.Exists("/del", Never, Super));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.Delete("/del", new DeleteOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Delete("/", new DeleteOptions(Recursive: true), Super));
    }

    [Fact]
    public async Task Delete_alluxioOnly_leaves_the_ufs_alone_and_the_path_comes_back_on_sync()
    {
        await Fs.CreateDirectory("/keep", new CreateDirectoryOptions(), Super);
        await Fs.Delete("/keep", new DeleteOptions(AlluxioOnly: true), Super);
        Assert.True(Directory.Exists(Ufs("keep")));
        Assert.False(await Fs.Exists("/keep", Never, Super));
        Assert.True(await Fs.Exists("/keep", new SyncOptions(LoadMetadataType.Always), Super));
    }

    [Fact]
    public async Task Rename_moves_in_alluxio_and_in_the_ufs()
    {
        await Fs.CreateDirectory("/r/src", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.CreateDirectory("/r/dst", new CreateDirectoryOptions(), Super);
        await Fs.CreateFile("/r/src/f", new CreateFileOptions(), Super);
        await Fs.CompleteFile("/r/src/f", new CompleteFileOptions(0, AsyncPersist: true), Super);
        var before = await Fs.GetStatus("/r/src/f", Never, Super);

        await Fs.Rename("/r/src/f", "/r/dst/g", new RenameOptions(), Super);
        var after = await Fs.GetStatus("/r/dst/g", Never, Super);
        Assert.Equal(before.FileId, after.FileId);
        Assert.True(File.Exists(Ufs("r/dst/g")));
        Assert.False(File.Exists(Ufs("r/src/f")));
        Assert.False(await Fs.Exists("/r/src/f", Never, Super));

        await Fs.Rename("/r/src", "/r/dst/moved", new RenameOptions(), Super);
        Assert.True(Directory.Exists(Ufs("r/dst/moved")));

        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.Rename("/r/none", "/r/x", new RenameOptions(), Super));
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.Rename("/r/dst/g", "/r/dst/moved", new RenameOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Rename("/r/dst", "/r/dst/moved/inside", new RenameOptions(), Super));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.Rename("/r/dst/g", "/r/no/parent", new RenameOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Rename("/", "/x", new RenameOptions(), Super));
    }

    [Fact]
    public async Task SetAttribute_changes_only_what_is_given_and_recursively()
    {
        await Fs.CreateDirectory("/attr/sub", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.CreateFile("/attr/sub/f", new CreateFileOptions(), Super);
        await Fs.SetAttribute("/attr", new SetAttributeOptions(Recursive: true, Mode: Convert.ToInt32("700", 8), Pinned: true), Super);
        var file = await Fs.GetStatus("/attr/sub/f", Never, Super);
        Assert.Equal(Convert.ToInt32("700", 8), file.Mode);
        Assert.True(file.Pinned);
        Assert.Equal(Convert.ToInt32("700", 8), Convert.ToInt32(Convert.ToString((int)File.GetUnixFileMode(Ufs("attr/sub")), 8), 8) & 0x1FF);

        await Fs.SetAttribute("/attr/sub/f", new SetAttributeOptions(Ttl: 60_000, TtlAction: TtlAction.Delete, ReplicationMin: 1, ReplicationMax: 3), Super);
        file = await Fs.GetStatus("/attr/sub/f", Never, Super);
        Assert.Equal(60_000, file.Ttl);
        Assert.Equal(TtlAction.Delete, file.TtlAction);
        Assert.Equal(1, file.ReplicationMin);
        Assert.Equal(3, file.ReplicationMax);
        Assert.True(file.Pinned);

        await Fs.SetAttribute("/attr/sub/f", new SetAttributeOptions(Ttl: -1), Super);
        Assert.Equal(-1, (await Fs.GetStatus("/attr/sub/f", Never, Super)).Ttl);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Fs.SetAttribute("/attr", new SetAttributeOptions(ReplicationMin: 3, ReplicationMax: 1), Super));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Fs.SetAttribute("/attr", new SetAttributeOptions(Mode: 0x10000), Super));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.SetAttribute("/none", new SetAttributeOptions(Pinned: true), Super));
    }

    [Fact]
    public async Task CheckAccess_reports_the_callers_rights()
    {
        await Fs.CreateDirectory("/acc", new CreateDirectoryOptions(Mode: Convert.ToInt32("750", 8)), Super);
        await Fs.CheckAccess("/acc", AccessBits.Read | AccessBits.Write | AccessBits.Execute, Super);
        var e = await Assert.ThrowsAsync<AccessControlException>(() => Fs.CheckAccess("/acc", AccessBits.Read, Alice));
        Assert.Contains("user=alice-test-user", e.Message);
        Assert.Contains("access=r--", e.Message);
    }

    [Fact]
    public async Task A_directory_with_a_thousand_children_lists_them_all()
    {
        await Fs.CreateDirectory("/many", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
        await Task.WhenAll(Enumerable.Range(0, 2500).Select(i =>
            Fs.CreateFile($"/many/f{i:D5}", new CreateFileOptions(WriteType: WriteType.MustCache), Super)));
        var names = (await ListAsync("/many")).Select(s => s.Name).ToList();
        Assert.Equal(2500, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }
}
