using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Durability: restarts, checkpoint + replay, backup and restore reproduce the same namespace.</summary>
public sealed class JournalTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    private async Task<List<string>> SnapshotAsync(Alluxio.Testing.Hosting.TestSilo? silo = null)
    {
        var fs = (silo ?? Silo).GrainFactory.GetGrain<IFileSystemGrain>(0);
        var lines = new List<string>();
        await foreach (var s in fs.ListStatus("/", new ListStatusOptions(Recursive: true, Sync: Never), Super, CancellationToken.None))
        {
            lines.Add($"{s.Path} id={s.FileId} dir={s.Folder} len={s.Length} mode={s.Mode} owner={s.Owner} pinned={s.Pinned} ttl={s.Ttl} state={s.PersistenceState} complete={s.Completed} mount={s.MountPoint}");
        }

        foreach (var m in await fs.GetMountTable(Super))
        {
            lines.Add($"mount {m.AlluxioPath} {m.UfsUri} ro={m.ReadOnly}");
        }

        foreach (var c in await fs.GetPathConfiguration(Super))
        {
            lines.Add($"conf {c.Path} {string.Join(',', c.Properties.Select(p => p.Key + "=" + p.Value))}");
        }

        return lines;
    }

    private async Task BuildNamespaceAsync(string prefix, int files)
    {
        await Fs.CreateDirectory($"/{prefix}/d", new CreateDirectoryOptions(Recursive: true), Super);
        for (var i = 0; i < files; i++)
        {
            await Fs.CreateFile($"/{prefix}/d/f{i}", new CreateFileOptions(WriteType: WriteType.MustCache), Super);
            await Fs.CompleteFile($"/{prefix}/d/f{i}", new CompleteFileOptions(i), Super);
        }

        await Fs.SetAttribute($"/{prefix}", new SetAttributeOptions(Recursive: true, Pinned: true, Mode: Convert.ToInt32("750", 8)), Super);
        await Fs.Rename($"/{prefix}/d/f0", $"/{prefix}/moved", new RenameOptions(), Super);
        await Fs.Delete($"/{prefix}/d/f1", new DeleteOptions(), Super);
    }

    [Fact]
    public async Task A_restart_keeps_every_acknowledged_change()
    {
        var external = Path.Combine(Root, "ext");
        Directory.CreateDirectory(external);
        await BuildNamespaceAsync("one", 20);
        await Fs.Mount("/ext", external, new MountOptions(ReadOnly: true), Super);
        await Fs.SetPathConfiguration("/one", new Dictionary<string, string> { ["alluxio.user.file.metadata.sync.interval"] = "5s" }, Super);
        var before = await SnapshotAsync();

        await RestartAsync();
        Assert.Equal(before, await SnapshotAsync());

        // New ids never collide with old ones after a restart.
        var created = await Fs.CreateFile("/after-restart", new CreateFileOptions(), Super);
        Assert.DoesNotContain(before, l => l.Contains($" id={created.FileId} "));
    }

    [Fact]
    public async Task A_lost_store_is_rebuilt_from_the_last_checkpoint_and_the_journal()
    {
        await BuildNamespaceAsync("before", 30);
        var admin = Silo.GrainFactory.GetGrain<IMetaMasterGrain>(0);
        var (sequence, location) = await admin.Checkpoint(Super);
        Assert.True(sequence > 0);
        Assert.True(Directory.Exists(location));
        await BuildNamespaceAsync("after", 30);
        var before = await SnapshotAsync();
        var info = await admin.GetJournalInfo();
        Assert.Equal(sequence, info.LastCheckpointSequence);
        Assert.Equal(info.LastSequence, info.AppliedSequence);

        await Silo.DisposeAsync();
        Directory.Delete(Path.Combine(DataDir, "metastore"), recursive: true);
        Silo = await StartSiloAsync();

        Assert.Equal(before, await SnapshotAsync());
        var after = await Silo.GrainFactory.GetGrain<IMetaMasterGrain>(0).GetJournalInfo();
        Assert.Equal(info.LastSequence, after.AppliedSequence);
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_data_dir_gives_the_same_namespace()
    {
        await BuildNamespaceAsync("b", 25);
        var before = await SnapshotAsync();
        var (path, sequence) = await Silo.GrainFactory.GetGrain<IMetaMasterGrain>(0).Backup(Path.Combine(Root, "backups"), Super);
        Assert.True(File.Exists(path));
        Assert.Matches(@"alluxio-backup-\d{4}-\d{2}-\d{2}-\d+\.tar\.gz$", path);

        var freshData = Path.Combine(Root, "restored");
        Assert.Equal(sequence, Alluxio.Metastore.Metastore.Restore(path, freshData));
        Assert.Throws<InvalidOperationException>(() => Alluxio.Metastore.Metastore.Restore(path, freshData));
        await using var restored = await Alluxio.Testing.Hosting.TestSilo.StartAsync(silo =>
            Hosting.FileSystemMasterSiloBuilderExtensions.AddFileSystemMaster(silo, freshData, o => o.RootUfs = UfsRoot));
        Assert.Equal(before, await SnapshotAsync(restored));

        // The restored master keeps journaling after the backup's sequence.
        await restored.GrainFactory.GetGrain<IFileSystemGrain>(0).CreateDirectory("/new", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
        var info = await restored.GrainFactory.GetGrain<IMetaMasterGrain>(0).GetJournalInfo();
        Assert.Equal(sequence + 1, info.LastSequence);
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused()
    {
        var bogus = Path.Combine(Root, "bogus.tar.gz");
        File.WriteAllText(bogus, "not a backup");
        Assert.Throws<InvalidDataException>(() => Alluxio.Metastore.Metastore.Restore(bogus, Path.Combine(Root, "r")));
        Assert.Throws<FileNotFoundException>(() => Alluxio.Metastore.Metastore.Restore(Path.Combine(Root, "missing.tar.gz"), Path.Combine(Root, "r2")));
    }
}
