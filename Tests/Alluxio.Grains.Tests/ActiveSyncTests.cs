using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Active sync of the local UFS from file-system change notifications.</summary>
public sealed class ActiveSyncTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    private async Task<bool> SeenAsync(string path) => await Fs.Exists(path, Never, Super);

    [Fact]
    public async Task Changes_in_the_ufs_appear_without_any_read_triggering_a_sync()
    {
        await Fs.CreateDirectory("/watched/sub", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.StartSync("/watched", Super);
        Assert.Equal([new SyncPointInfo("/watched", true)], await Fs.GetSyncPathList(Super));

        File.WriteAllText(Ufs("watched/new.txt"), "hello");
        await TaskTimeouts.UntilAsync(async () => await SeenAsync("/watched/new.txt"), "active sync to load /watched/new.txt");

        File.WriteAllText(Ufs("watched/sub/deep.txt"), "x");
        await TaskTimeouts.UntilAsync(async () => await SeenAsync("/watched/sub/deep.txt"), "active sync to load /watched/sub/deep.txt");

        File.Delete(Ufs("watched/new.txt"));
        await TaskTimeouts.UntilAsync(async () => !await SeenAsync("/watched/new.txt"), "active sync to remove /watched/new.txt");

        await Fs.StopSync("/watched", Super);
        Assert.Empty(await Fs.GetSyncPathList(Super));
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.StopSync("/watched", Super));
    }

    [Fact]
    public async Task Sync_points_are_journaled_and_resume_after_a_restart()
    {
        await Fs.CreateDirectory("/w", new CreateDirectoryOptions(), Super);
        await Fs.StartSync("/w", Super);
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.StartSync("/w", Super));
        await RestartAsync();
        Assert.Equal([new SyncPointInfo("/w", true)], await Fs.GetSyncPathList(Super));
        File.WriteAllText(Ufs("w/after-restart"), "1");
        await TaskTimeouts.UntilAsync(async () => await SeenAsync("/w/after-restart"), "active sync to load a file after the restart");
    }

    [Fact]
    public async Task Bad_sync_points_are_refused()
    {
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.StartSync("/missing", Super));
        await Fs.CreateFile("/file", new CreateFileOptions(), Super);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.StartSync("/file", Super));
        await Fs.CreateDirectory("/outer/inner", new CreateDirectoryOptions(Recursive: true), Super);
        await Fs.StartSync("/outer", Super);
        await Assert.ThrowsAsync<InvalidPathException>(() => Fs.StartSync("/outer/inner", Super));
    }
}
