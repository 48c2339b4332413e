using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Time;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Metadata sync against a UFS changed behind Alluxio's back: intervals -1, 0 and N, per call and per path.</summary>
public sealed class SyncTests : MasterTest
{
    private static readonly SyncOptions Once = SyncOptions.Default;
    private static readonly SyncOptions Always = new(LoadMetadataType.Once, 0);
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _clock;

    private void WriteUfs(string relative, string content, DateTimeOffset? mtime = null)
    {
        var path = Ufs(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, (mtime ?? DateTimeOffset.UtcNow).UtcDateTime);
    }

    [Fact]
    public async Task Unknown_paths_are_loaded_lazily_on_first_access()
    {
        WriteUfs("lazy/a/file.txt", "12345");
        var status = await Fs.GetStatus("/lazy/a/file.txt", Once, Super);
        Assert.Equal(5, status.Length);
        Assert.True(status.Completed);
        Assert.Equal(PersistenceState.Persisted, status.PersistenceState);
        Assert.NotEmpty(status.UfsFingerprint);
        Assert.True((await Fs.GetStatus("/lazy/a", new SyncOptions(LoadMetadataType.Never), Super)).Folder);
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.GetStatus("/lazy/a/missing", Once, Super));
        Assert.False(await Fs.Exists("/lazy/nothing/deeper", Once, Super));
    }

    [Fact]
    public async Task Interval_minus_one_never_resyncs_after_the_first_load()
    {
        WriteUfs("never/f", "abc", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(["f"], (await ListAsync("/never", sync: Once)).Select(s => s.Name));

        WriteUfs("never/f", "abcdef");
        WriteUfs("never/new", "x");
        Assert.Equal(3, (await Fs.GetStatus("/never/f", Once, Super)).Length);
        Assert.Equal(["f"], (await ListAsync("/never", sync: Once)).Select(s => s.Name));

        // An unknown path is still loaded on its first access.
        Assert.True(await Fs.Exists("/never/new", Once, Super));
        Assert.Equal(["f", "new"], (await ListAsync("/never", sync: Once)).Select(s => s.Name));

        // A path found absent once stays absent (the absent-path cache), as do removals.
        Assert.False(await Fs.Exists("/never/later", Once, Super));
        WriteUfs("never/later", "x");
        Assert.False(await Fs.Exists("/never/later", Once, Super));
        File.Delete(Ufs("never/f"));
        Assert.True(await Fs.Exists("/never/f", Once, Super));
    }

    [Fact]
    public async Task Creating_over_a_path_that_exists_only_in_the_ufs_is_refused()
    {
        await ListAsync("/", sync: Once);
        Directory.CreateDirectory(Ufs("ufs-only"));
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.CreateDirectory("/ufs-only", new CreateDirectoryOptions(), Super));
        WriteUfs("ufs-only-file", "1");
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Fs.CreateFile("/ufs-only-file", new CreateFileOptions(), Super));
    }

    [Fact]
    public async Task Interval_zero_syncs_on_every_call()
    {
        WriteUfs("always/f", "abc", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(3, (await Fs.GetStatus("/always/f", Always, Super)).Length);

        WriteUfs("always/f", "abcdef");
        Assert.Equal(6, (await Fs.GetStatus("/always/f", Always, Super)).Length);

        WriteUfs("always/g", "1");
        Assert.Equal(["f", "g"], (await ListAsync("/always", sync: Always)).Select(s => s.Name));

        File.Delete(Ufs("always/f"));
        await Assert.ThrowsAsync<FileDoesNotExistException>(() => Fs.GetStatus("/always/f", Always, Super));
        Assert.Equal(["g"], (await ListAsync("/always", sync: Always)).Select(s => s.Name));
    }

    [Fact]
    public async Task Interval_n_resyncs_once_the_metadata_is_older_than_n()
    {
        var every10s = new SyncOptions(LoadMetadataType.Once, 10_000);
        WriteUfs("n/f", "abc", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(3, (await Fs.GetStatus("/n/f", every10s, Super)).Length);

        WriteUfs("n/f", "abcdef");
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, (await Fs.GetStatus("/n/f", every10s, Super)).Length);

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(6, (await Fs.GetStatus("/n/f", every10s, Super)).Length);
    }

    [Fact]
    public async Task Path_configuration_sets_the_interval_for_a_subtree()
    {
        await Fs.SetPathConfiguration("/hot", new Dictionary<string, string> { ["alluxio.user.file.metadata.sync.interval"] = "0" }, Super);
        WriteUfs("hot/f", "a", DateTimeOffset.UtcNow.AddHours(-1));
        WriteUfs("cold/f", "a", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(1, (await Fs.GetStatus("/hot/f", Once, Super)).Length);
        Assert.Equal(1, (await Fs.GetStatus("/cold/f", Once, Super)).Length);

        WriteUfs("hot/f", "aaaa");
        WriteUfs("cold/f", "aaaa");
        Assert.Equal(4, (await Fs.GetStatus("/hot/f", Once, Super)).Length);
        Assert.Equal(1, (await Fs.GetStatus("/cold/f", Once, Super)).Length);

        var configs = await Fs.GetPathConfiguration(Super);
        Assert.Equal("0", Assert.Single(configs).Properties["alluxio.user.file.metadata.sync.interval"]);
        await Fs.RemovePathConfiguration("/hot", [], Super);
        Assert.Empty(await Fs.GetPathConfiguration(Super));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Fs.SetPathConfiguration("/x", new Dictionary<string, string> { ["alluxio.user.file.metadata.sync.interval"] = "soon" }, Super));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Fs.SetPathConfiguration("/x", new Dictionary<string, string> { ["alluxio.other"] = "1" }, Super));
    }

    [Fact]
    public async Task LoadMetadata_loads_recursively_and_force_reloads_changed_and_removed_entries()
    {
        WriteUfs("tree/a/1", "1", DateTimeOffset.UtcNow.AddHours(-1));
        WriteUfs("tree/a/b/2", "22", DateTimeOffset.UtcNow.AddHours(-1));
        WriteUfs("tree/c/3", "333", DateTimeOffset.UtcNow.AddHours(-1));
        var first = await Fs.LoadMetadata("/tree", recursive: true, force: false, Super);
        Assert.Equal(6, first.Created);
        Assert.Equal(["/tree/a", "/tree/c", "/tree/a/1", "/tree/a/b", "/tree/c/3", "/tree/a/b/2"],
            (await ListAsync("/tree", recursive: true, sync: new SyncOptions(LoadMetadataType.Never))).Select(s => s.Path));

        var unchanged = await Fs.LoadMetadata("/tree", recursive: true, force: true, Super);
        Assert.Equal(new LoadMetadataResult(0, 0, 0), unchanged);

        WriteUfs("tree/a/1", "changed");
        File.Delete(Ufs("tree/c/3"));
        WriteUfs("tree/c/4", "4");
        var forced = await Fs.LoadMetadata("/tree", recursive: true, force: true, Super);
        // Updated: the file a/1, and the directory c whose mtime changed with its entries.
        Assert.Equal(new LoadMetadataResult(1, 2, 1), forced);
        Assert.Equal(7, (await Fs.GetStatus("/tree/a/1", new SyncOptions(LoadMetadataType.Never), Super)).Length);
        Assert.False(await Fs.Exists("/tree/c/3", new SyncOptions(LoadMetadataType.Never), Super));
    }

    [Fact]
    public async Task A_sync_keeps_data_that_exists_only_in_alluxio()
    {
        await Fs.CreateDirectory("/mixed", new CreateDirectoryOptions(), Super);
        await Fs.CreateFile("/mixed/cached", new CreateFileOptions(WriteType: WriteType.MustCache), Super);
        await Fs.CompleteFile("/mixed/cached", new CompleteFileOptions(3), Super);
        var result = await Fs.LoadMetadata("/mixed", recursive: true, force: true, Super);
        Assert.Equal(0, result.Removed);
        Assert.True(await Fs.Exists("/mixed/cached", Always, Super));
    }

    [Fact]
    public async Task A_changed_file_type_is_replaced()
    {
        WriteUfs("kind/x", "file", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.False((await Fs.GetStatus("/kind/x", Once, Super)).Folder);
        File.Delete(Ufs("kind/x"));
        Directory.CreateDirectory(Ufs("kind/x"));
        Assert.True((await Fs.GetStatus("/kind/x", Always, Super)).Folder);
    }
}
