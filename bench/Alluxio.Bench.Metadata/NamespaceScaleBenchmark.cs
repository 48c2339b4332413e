using System.Diagnostics;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Metastore;
using Alluxio.Protos.Meta;
using Alluxio.Testing.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Bench.Metadata;

/// <summary>A namespace of N files: restart time, bytes per inode on disk, memory per cached inode.</summary>
internal static class NamespaceScaleBenchmark
{
    /// <summary>Creates /scale with <paramref name="files"/> files in a fresh data dir (offline, through the journal).</summary>
    public static async Task<(long DirectoryId, double Seconds)> PopulateAsync(string dataDir, string rootUfs, int files)
    {
        Directory.CreateDirectory(rootUfs);
        var start = Stopwatch.GetTimestamp();

        // Format the namespace the way the silo does, then add the files in journal batches of 1,000.
        await using (var silo = SiloProcess.Start(dataDir))
        {
            await silo.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(silo.Address);
            await fs.CreateDirectoryAsync("/scale", new CreateDirectoryOptions(WriteType: WriteType.MustCache));
            await silo.StopAsync();
        }

        using var store = Alluxio.Metastore.Metastore.Open(new MetastoreOptions { Directory = dataDir }, NullLogger.Instance);
        var root = store.State.GetInode(1)!;
        var dirId = store.State.GetChildId(root.Id, "scale")!.Value;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var b = 0; b < files / 1000; b += 16)
        {
            var commits = new List<Task>();
            for (var k = b; k < Math.Min(b + 16, files / 1000); k++)
            {
                var entry = new CreateInodesEntry();
                for (var i = k * 1000; i < (k + 1) * 1000; i++)
                {
                    entry.Inodes.Add(InodeFactory.File(store.NewInodeId(), dirId, $"file-{i:D8}", root.MountId, "bench", "bench", 420, 64L << 20, now));
                }

                commits.Add(store.CommitAsync(new JournalEntry { CreateInodes = entry }));
            }

            await Task.WhenAll(commits);
        }

        await store.CheckpointAsync();
        return (dirId, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Starts a silo on the data dir and measures until it serves a getStatus of the last file.</summary>
    public static async Task<double> RestartSecondsAsync(string dataDir, int files)
    {
        var start = Stopwatch.GetTimestamp();
        await using var silo = SiloProcess.Start(dataDir);
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var status = await fs.GetStatusAsync($"/scale/file-{files - 1:D8}", new SyncOptions(LoadMetadataType.Never));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (status.Length != 0)
        {
            throw new InvalidOperationException("unexpected file");
        }

        await silo.StopAsync();
        return seconds;
    }

    /// <summary>Bytes of SST files per inode (inode and edge column families, after a full compaction).</summary>
    public static double BytesPerInodeOnDisk(string dataDir, long inodes)
    {
        using var store = Alluxio.Metastore.Metastore.Open(new MetastoreOptions { Directory = dataDir }, NullLogger.Instance);
        var db = store.State.Db;
        db.Db.Flush(db.Inodes);
        db.Db.Flush(db.Edges);
        db.Db.CompactRange(db.Inodes, null, null);
        db.Db.CompactRange(db.Edges, null, null);
        var bytes = long.Parse(db.Db.GetProperty("rocksdb.total-sst-files-size", db.Inodes)!) + long.Parse(db.Db.GetProperty("rocksdb.total-sst-files-size", db.Edges)!);
        return (double)bytes / inodes;
    }

    /// <summary>Managed heap bytes per inode held in the metastore's cache.</summary>
    public static double BytesPerCachedInode(string dataDir, long directoryId, int count)
    {
        using var store = Alluxio.Metastore.Metastore.Open(new MetastoreOptions { Directory = dataDir, InodeCacheCapacity = count * 3 }, NullLogger.Instance);
        var ids = store.State.ListChildren(directoryId).Take(count).Select(c => c.Id).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var id in ids)
        {
            store.State.GetInode(id);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        return (double)(after - before) / ids.Length;
    }
}
