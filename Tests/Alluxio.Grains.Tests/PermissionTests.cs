using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>POSIX checks with the caller's identity; refused operations change nothing.</summary>
public sealed class PermissionTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A world-writable play area owned by alice, and a private area of the superuser.
        await Fs.CreateDirectory("/alice", new CreateDirectoryOptions(Mode: Convert.ToInt32("755", 8)), Super);
        await Fs.SetAttribute("/alice", new SetAttributeOptions(Owner: Alice.User), Super);
        await Fs.CreateDirectory("/private", new CreateDirectoryOptions(Mode: Convert.ToInt32("700", 8)), Super);
        await Fs.CreateFile("/private/secret", new CreateFileOptions(), Super);
    }

    [Fact]
    public async Task New_inodes_belong_to_the_caller_with_the_umask_applied()
    {
        var dir = await Fs.CreateDirectory("/alice/d", new CreateDirectoryOptions(), Alice);
        Assert.Equal(Alice.User, dir.Owner);
        Assert.Equal(Convert.ToInt32("755", 8), dir.Mode);
        var file = await Fs.CreateFile("/alice/d/f", new CreateFileOptions(), Alice);
        Assert.Equal(Convert.ToInt32("644", 8), file.Mode);
        var explicitMode = await Fs.CreateDirectory("/alice/open", new CreateDirectoryOptions(Mode: Convert.ToInt32("777", 8)), Alice);
        Assert.Equal(Convert.ToInt32("777", 8), explicitMode.Mode);
    }

    [Fact]
    public async Task Traversal_needs_execute_on_every_ancestor()
    {
        var e = await Assert.ThrowsAsync<AccessControlException>(() => Fs.GetStatus("/private/secret", Never, Alice));
        Assert.Contains("access=--x", e.Message);
        Assert.Contains("failed at private", e.Message);
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.Exists("/private/secret", Never, Alice));
        await Assert.ThrowsAsync<AccessControlException>(() => ListAsync("/private", caller: Alice));
    }

    [Fact]
    public async Task Creating_needs_write_on_the_parent_and_a_refusal_changes_nothing()
    {
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.CreateDirectory("/bob-was-here", new CreateDirectoryOptions(), Bob));
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.CreateFile("/alice/bob", new CreateFileOptions(), Bob));
        Assert.False(await Fs.Exists("/bob-was-here", Never, Super));
        Assert.False(await Fs.Exists("/alice/bob", Never, Super));
        Assert.False(Directory.Exists(Ufs("bob-was-here")));
    }

    [Fact]
    public async Task Delete_and_rename_need_write_on_the_parents()
    {
        await Fs.CreateFile("/alice/mine", new CreateFileOptions(), Alice);
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.Delete("/alice/mine", new DeleteOptions(), Bob));
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.Rename("/alice/mine", "/alice/theirs", new RenameOptions(), Bob));
        Assert.True(await Fs.Exists("/alice/mine", Never, Super));
        await Fs.Rename("/alice/mine", "/alice/renamed", new RenameOptions(), Alice);
        await Fs.Delete("/alice/renamed", new DeleteOptions(), Alice);
    }

    [Fact]
    public async Task Only_the_owner_changes_mode_and_only_a_superuser_changes_owner()
    {
        await Fs.CreateFile("/alice/f", new CreateFileOptions(), Alice);
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.SetAttribute("/alice/f", new SetAttributeOptions(Mode: 511), Bob));
        await Fs.SetAttribute("/alice/f", new SetAttributeOptions(Mode: Convert.ToInt32("600", 8)), Alice);
        var e = await Assert.ThrowsAsync<AccessControlException>(() => Fs.SetAttribute("/alice/f", new SetAttributeOptions(Owner: Bob.User), Alice));
        Assert.Contains("superuser", e.Message);
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.SetAttribute("/alice/f", new SetAttributeOptions(Group: "wheel-not-hers"), Alice));
        var status = await Fs.GetStatus("/alice/f", Never, Super);
        Assert.Equal(Alice.User, status.Owner);
        Assert.Equal(Convert.ToInt32("600", 8), status.Mode);
        await Fs.SetAttribute("/alice/f", new SetAttributeOptions(Owner: Bob.User, Group: "staff"), Super);
        status = await Fs.GetStatus("/alice/f", Never, Super);
        Assert.Equal(Bob.User, status.Owner);
        Assert.Equal("staff", status.Group);
    }

    [Fact]
    public async Task Mounting_needs_write_on_the_parent_and_admin_needs_a_superuser()
    {
        var ufs = Path.Combine(Root, "ext");
        Directory.CreateDirectory(ufs);
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.Mount("/m", ufs, new MountOptions(), Alice));
        await Fs.Mount("/alice/m", ufs, new MountOptions(), Alice);
        var admin = Silo.GrainFactory.GetGrain<IMetaMasterGrain>(0);
        await Assert.ThrowsAsync<AccessControlException>(() => admin.Checkpoint(Alice));
        await Assert.ThrowsAsync<AccessControlException>(() => Fs.SetPathConfiguration("/", new Dictionary<string, string> { ["alluxio.user.file.metadata.sync.interval"] = "0" }, Alice));
    }
}
