using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Alluxio's mount rules.</summary>
public sealed class MountTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    private string External(string name)
    {
        var path = Path.Combine(Root, "external", name);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public async Task Mount_shows_the_ufs_content_and_unmount_drops_only_metadata()
    {
        var ufs = External("m1");
        File.WriteAllText(Path.Combine(ufs, "data.txt"), "hello");
        await Fs.Mount("/mnt", ufs, new MountOptions(Properties: new Dictionary<string, string> { ["k"] = "v" }), Super);
        var point = await Fs.GetStatus("/mnt", Never, Super);
        Assert.True(point.MountPoint);
        var listed = await ListAsync("/mnt");
        var file = Assert.Single(listed);
        Assert.Equal("data.txt", file.Name);
        Assert.Equal(5, file.Length);
        Assert.Equal(PersistenceState.Persisted, file.PersistenceState);
        Assert.Equal("file://" + Path.Combine(ufs, "data.txt"), file.UfsPath);

        var table = await Fs.GetMountTable(Super);
        Assert.Equal(["/", "/mnt"], table.Select(m => m.AlluxioPath));
        var mnt = table[1];
        Assert.Equal("local", mnt.UfsType);
        Assert.Equal("v", mnt.Properties["k"]);
        Assert.True(mnt.UfsCapacityBytes > 0);

        await Fs.Unmount("/mnt", Super);
        Assert.False(await Fs.Exists("/mnt", Never, Super));
        Assert.True(File.Exists(Path.Combine(ufs, "data.txt")));
        Assert.Single(await Fs.GetMountTable(Super));
    }

    [Fact]
    public async Task The_target_must_not_exist()
    {
        await Fs.CreateDirectory("/taken", new CreateDirectoryOptions(), Super);
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.Mount("/taken", External("t"), new MountOptions(), Super));

        // A name that exists only in the parent's UFS would be shadowed: refused as well.
        Directory.CreateDirectory(Ufs("shadowed"));
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.Mount("/shadowed", External("s"), new MountOptions(), Super));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.Mount("/no/parent", External("p"), new MountOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/", External("r"), new MountOptions(), Super));
    }

    [Fact]
    public async Task Ufs_paths_may_not_overlap()
    {
        var outer = External("outer");
        Directory.CreateDirectory(Path.Combine(outer, "inner"));
        await Fs.Mount("/outer", outer, new MountOptions(), Super);
        var prefix = await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/inner", Path.Combine(outer, "inner"), new MountOptions(), Super));
        Assert.Contains("may not overlap", prefix.Message);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/parent", Path.Combine(Root, "external"), new MountOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/again", outer, new MountOptions(), Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/rootufs", UfsRoot, new MountOptions(), Super));
    }

    [Fact]
    public async Task The_ufs_must_exist_and_be_a_directory()
    {
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/gone", Path.Combine(Root, "does-not-exist"), new MountOptions(), Super));
        var file = Path.Combine(Root, "a-file");
        File.WriteAllText(file, "x");
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Mount("/file", file, new MountOptions(), Super));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Fs.Mount("/weird", "nosuch://host/path", new MountOptions(), Super));
    }

    [Fact]
    public async Task Nested_mounts_are_allowed_and_block_unmounting_the_outer_one()
    {
        await Fs.Mount("/outer", External("o"), new MountOptions(), Super);
        await Fs.Mount("/outer/nested", External("n"), new MountOptions(), Super);
        File.WriteAllText(Path.Combine(Root, "external", "n", "x"), "1");
        Assert.Equal("x", Assert.Single(await ListAsync("/outer/nested")).Name);

        var e = await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.Unmount("/outer", Super));
        Assert.Contains("/outer/nested", e.Message);
        await Fs.Unmount("/outer/nested", Super);
        await Fs.Unmount("/outer", Super);
    }

    [Fact]
    public async Task The_root_cannot_be_unmounted_and_a_plain_directory_is_no_mount_point()
    {
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Unmount("/", Super));
        await Fs.CreateDirectory("/plain", new CreateDirectoryOptions(), Super);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Unmount("/plain", Super));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.Unmount("/missing", Super));
    }

    [Fact]
    public async Task Read_only_mounts_refuse_every_write()
    {
        var ufs = External("ro");
        File.WriteAllText(Path.Combine(ufs, "f"), "data");
        Directory.CreateDirectory(Path.Combine(ufs, "d"));
        await Fs.Mount("/ro", ufs, new MountOptions(ReadOnly: true), Super);
        Assert.Equal(2, (await ListAsync("/ro")).Count);

        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.CreateDirectory("/ro/new", new CreateDirectoryOptions(), Super));
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.CreateFile("/ro/new", new CreateFileOptions(), Super));
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.Delete("/ro/f", new DeleteOptions(), Super));
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.Rename("/ro/f", "/ro/g", new RenameOptions(), Super));
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.SetAttribute("/ro/f", new SetAttributeOptions(Mode: 511), Super));
        Assert.True(File.Exists(Path.Combine(ufs, "f")));
        Assert.False(Directory.Exists(Path.Combine(ufs, "new")));

        // Alluxio-only metadata changes stay possible.
        await Fs.SetAttribute("/ro/f", new SetAttributeOptions(Pinned: true), Super);
        await Fs.UpdateMount("/ro", new MountOptions(ReadOnly: false), Super);
        await Fs.CreateDirectory("/ro/new", new CreateDirectoryOptions(), Super);
        Assert.True(Directory.Exists(Path.Combine(ufs, "new")));
    }

    [Fact]
    public async Task Renames_never_cross_mounts()
    {
        await Fs.Mount("/m", External("x"), new MountOptions(), Super);
        await Fs.CreateDirectory("/local", new CreateDirectoryOptions(), Super);
        var e = await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Rename("/local", "/m/local", new RenameOptions(), Super));
        Assert.Contains("cross mount", e.Message);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.Rename("/m", "/elsewhere", new RenameOptions(), Super));
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.Delete("/m", new DeleteOptions(Recursive: true), Super));
    }

    [Fact]
    public async Task Deleting_a_directory_above_a_mount_point_is_refused_and_changes_nothing()
    {
        await Fs.CreateDirectory("/top/mid", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.Mount("/top/mid/m", External("under"), new MountOptions(), Super);
        await Assert.ThrowsAsync<FailedPreconditionException>(() => Fs.Delete("/top", new DeleteOptions(Recursive: true, AlluxioOnly: true), Super));
        Assert.True(await Fs.Exists("/top/mid/m", Never, Super));
    }

    [Fact]
    public async Task UpdateMount_replaces_the_options()
    {
        await Fs.Mount("/u", External("u"), new MountOptions(Shared: true, Properties: new Dictionary<string, string> { ["a"] = "1" }), Super);
        await Fs.UpdateMount("/u", new MountOptions(ReadOnly: true, Properties: new Dictionary<string, string> { ["b"] = "2" }), Super);
        var info = (await Fs.GetMountTable(Super)).Single(m => m.AlluxioPath == "/u");
        Assert.True(info.ReadOnly);
        Assert.False(info.Shared);
        Assert.Equal(["b"], info.Properties.Keys);
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.UpdateMount("/nope", new MountOptions(), Super));
        await Fs.CreateDirectory("/plain", new CreateDirectoryOptions(), Super);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.UpdateMount("/plain", new MountOptions(), Super));
    }
}
