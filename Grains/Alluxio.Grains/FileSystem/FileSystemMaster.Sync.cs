using Alluxio.Grains.FileSystem.Sync;
using Alluxio.Grains.Paths;

namespace Alluxio.Grains.FileSystem;

/// <summary>Metadata sync as the operations need it.</summary>
public sealed partial class FileSystemMaster
{
    /// <summary>How stale the metadata of <paramref name="path"/> may be for this call; null = do not sync.</summary>
    internal long? MaxAgeFor(string path, SyncOptions? options)
    {
        options ??= SyncOptions.Default;
        var interval = options.SyncIntervalMs ?? PathSyncInterval(path) ?? _options.DefaultSyncIntervalMs;
        if (options.LoadMetadataType == LoadMetadataType.Always)
        {
            return 0;
        }

        if (interval < 0)
        {
            return options.LoadMetadataType == LoadMetadataType.Never ? null : long.MaxValue;
        }

        return interval;
    }

    /// <summary>The sync interval set by path configuration on the path or its nearest configured ancestor.</summary>
    private long? PathSyncInterval(string path)
    {
        string? best = null;
        long? value = null;
        foreach (var config in reader.State.PathConfigs)
        {
            if (config.Properties.TryGetValue(SyncIntervals.PropertyName, out var text) && AlluxioPath.IsSameOrAncestor(config.Path, path)
                && (best is null || config.Path.Length > best.Length))
            {
                best = config.Path;
                value = SyncIntervals.Parse(text);
            }
        }

        return value;
    }

    /// <summary>
    /// Loads what is missing on the way to <paramref name="path"/> and refreshes the path itself as the policy asks;
    /// with <paramref name="listing"/>, syncs a directory's children too.
    /// </summary>
    internal async Task EnsureLoadedAsync(string path, SyncOptions? options, bool listing)
    {
        if (MaxAgeFor(path, options) is not { } maxAge)
        {
            return;
        }

        var force = options?.LoadMetadataType == LoadMetadataType.Always;
        var resolved = reader.Resolve(path);
        var loadedNow = false;
        while (!resolved.Exists && !resolved.StoppedAtFile)
        {
            var depth = resolved.ExistingDepth;
            if (!await Directory(resolved.Deepest.Id).SyncChild(resolved.Components[depth], maxAge))
            {
                return;
            }

            loadedNow = true;
            resolved = reader.Resolve(path);
            if (resolved.ExistingDepth <= depth)
            {
                return;
            }
        }

        if (resolved.Exists && !loadedNow && maxAge != long.MaxValue && resolved.Parent is { } parent)
        {
            if (!await Directory(parent.Id).SyncChild(resolved.Components[^1], maxAge))
            {
                return;
            }

            resolved = reader.Resolve(path);
        }

        if (listing && resolved.Target is { IsDirectory: true } directory)
        {
            await Directory(directory.Id).SyncChildren(maxAge, force);
        }
    }

    /// <summary>loadMetadata: loads a path (and, recursively, its subtree) breadth-first with bounded parallelism.</summary>
    public async Task<LoadMetadataResult> LoadMetadataAsync(string path, bool recursive, bool force, Alluxio.Grains.Security.CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var sync = new SyncOptions(force ? LoadMetadataType.Always : LoadMetadataType.Once, force ? 0 : -1);
        await EnsureLoadedAsync(path, sync, listing: false);
        var resolved = reader.Resolve(path);
        if (resolved.Target is not { } target)
        {
            throw NotFound(path);
        }

        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        if (!target.IsDirectory)
        {
            return new LoadMetadataResult(0, 0, 0);
        }

        long created = 0, updated = 0, removed = 0;
        var level = new List<(long Id, string Path)> { (target.Id, path) };
        while (level.Count > 0)
        {
            var next = new List<(long Id, string Path)>();
            foreach (var chunk in level.Chunk(_options.SyncConcurrency))
            {
                var results = await Task.WhenAll(chunk.Select(d => Directory(d.Id).SyncChildren(force ? 0 : long.MaxValue, force)));
                foreach (var r in results)
                {
                    created += r.Created;
                    updated += r.Updated;
                    removed += r.Removed;
                }

                if (!recursive)
                {
                    continue;
                }

                foreach (var (id, dirPath) in chunk)
                {
                    foreach (var page in reader.ChildPages(id, _options.ListingBatchSize))
                    {
                        foreach (var child in page.Where(c => c.IsDirectory && !c.MountPoint))
                        {
                            var childPath = AlluxioPath.Join(dirPath, child.Name);
                            next.Add((child.Id, childPath));
                            if (next.Count <= _options.SyncPrefetch)
                            {
                                syncer.Prefetch(child.Id, childPath);
                            }
                        }
                    }
                }
            }

            level = next;
        }

        return new LoadMetadataResult(created, updated, removed);
    }
}
