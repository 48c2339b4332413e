using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.FileSystem.Sync;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem;

/// <summary>Mounts (called one at a time by the mount table grain), the root mount, sync points and path configuration.</summary>
public sealed partial class FileSystemMaster
{
    /// <summary>Formats the namespace on first start: mounts the configured root UFS at "/".</summary>
    public async Task EnsureRootMountedAsync()
    {
        if (reader.State.GetInode(NamespaceReader.RootId) is not null)
        {
            return;
        }

        var uri = MountTable.CanonicalUfsUri(Path.IsPathRooted(_options.RootUfs) || _options.RootUfs.Contains("://", StringComparison.Ordinal) ? _options.RootUfs : Path.GetFullPath(_options.RootUfs));
        var root = await ValidateUfsAsync(uri, _options.RootUfsOptions, "/");
        var now = NowMs;
        var inode = InodeFactory.Directory(NamespaceReader.RootId, 0, string.Empty, 1, root.Owner ?? Environment.UserName, root.Group ?? Environment.UserName, root.Mode != 0 ? root.Mode : 0x1ED, now);
        inode.MountPoint = true;
        inode.PersistenceState = Protos.Meta.PersistenceState.Persisted;
        var mount = new MountRecord { MountId = 1, AlluxioPath = AlluxioPath.Root, UfsUri = uri, Shared = true, InodeId = NamespaceReader.RootId };
        mount.Properties.Add(_options.RootUfsOptions);
        await CommitAsync(new JournalEntry { AddMount = new AddMountEntry { Mount = mount, MountPoint = inode } });
    }

    public async Task MountAsync(string alluxioPath, string ufsUri, MountOptions options, CallerIdentity caller)
    {
        alluxioPath = AlluxioPath.Normalize(alluxioPath);
        caller = Caller(caller);
        if (alluxioPath == AlluxioPath.Root)
        {
            throw new InvalidPathException("The root is mounted when the namespace is formatted; mount somewhere below it.");
        }

        var uri = MountTable.CanonicalUfsUri(ufsUri);

        // The mount point must not exist, in Alluxio nor in the parent mount's UFS (it would be shadowed).
        await EnsureLoadedAsync(alluxioPath, new SyncOptions(LoadMetadataType.Always), listing: false);
        var resolved = reader.Resolve(alluxioPath);
        permissions.CheckTraverse(resolved.Ancestors, caller, alluxioPath);
        if (resolved.Exists)
        {
            throw new FileAlreadyExistsException($"Mount point {alluxioPath} already exists: the target of a mount must not exist.");
        }

        MountTable.CheckNoOverlap(reader.Mounts(), uri);
        var root = await ValidateUfsAsync(uri, options.Properties, alluxioPath);

        var parent = resolved.Parent ?? throw new FileDoesNotExistException($"Path \"{AlluxioPath.Parent(alluxioPath)}\" does not exist: create the mount point's parent first.");
        if (!parent.IsDirectory)
        {
            throw new InvalidPathException($"Cannot mount at {alluxioPath}: {AlluxioPath.Parent(alluxioPath)} is a file.");
        }

        permissions.Check(parent, AccessBits.Write | AccessBits.Execute, caller, AlluxioPath.Parent(alluxioPath)!);
        var name = AlluxioPath.Name(alluxioPath);
        using var held = await locks.AcquireAsync([LockRequest.ReadInode(parent.Id), LockRequest.WriteEdge(parent.Id, name)], CancellationToken.None);
        if (reader.State.GetChildId(parent.Id, name) is not null)
        {
            throw new FileAlreadyExistsException($"Mount point {alluxioPath} already exists: the target of a mount must not exist.");
        }

        var mountId = metastore.NewMountId();
        var now = NowMs;
        var point = InodeFactory.Directory(metastore.NewInodeId(), parent.Id, name, mountId, root.Owner ?? caller.User, root.Group ?? GroupFor(caller, parent), root.Mode != 0 ? root.Mode : 0x1ED, now);
        point.MountPoint = true;
        point.PersistenceState = Protos.Meta.PersistenceState.Persisted;
        var mount = new MountRecord
        {
            MountId = mountId,
            AlluxioPath = alluxioPath,
            UfsUri = uri,
            ReadOnly = options.ReadOnly,
            Shared = options.Shared,
            InodeId = point.Id,
        };
        mount.Properties.Add((options.Properties ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value));
        await CommitAsync(new JournalEntry { AddMount = new AddMountEntry { Mount = mount, MountPoint = point } });
    }

    public async Task UpdateMountAsync(string alluxioPath, MountOptions options, CallerIdentity caller)
    {
        alluxioPath = AlluxioPath.Normalize(alluxioPath);
        caller = Caller(caller);
        var (mount, _) = RequireMountPoint(alluxioPath, caller, allowRoot: true);
        await ValidateUfsAsync(mount.UfsUri, options.Properties, alluxioPath);
        var updated = new MountRecord
        {
            MountId = mount.MountId,
            AlluxioPath = mount.AlluxioPath,
            UfsUri = mount.UfsUri,
            ReadOnly = options.ReadOnly,
            Shared = options.Shared,
            InodeId = mount.InodeId,
        };

        // Options are replaced, not merged (as Alluxio's updateMount).
        updated.Properties.Add((options.Properties ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value));
        using var held = await locks.AcquireAsync([LockRequest.WriteInode(mount.InodeId)], CancellationToken.None);
        await CommitAsync(new JournalEntry { UpdateMount = new UpdateMountEntry { Mount = updated } });
        await ufs.RemoveAsync(mount.MountId);
    }

    public async Task UnmountAsync(string alluxioPath, CallerIdentity caller)
    {
        alluxioPath = AlluxioPath.Normalize(alluxioPath);
        caller = Caller(caller);
        if (alluxioPath == AlluxioPath.Root)
        {
            throw new InvalidPathException("The root mount cannot be unmounted.");
        }

        var (mount, parent) = RequireMountPoint(alluxioPath, caller, allowRoot: false);
        var nested = reader.Mounts().FirstOrDefault(m => m.MountId != mount.MountId && AlluxioPath.IsSameOrAncestor(alluxioPath, m.AlluxioPath));
        if (nested is not null)
        {
            throw new FailedPreconditionException($"Cannot unmount {alluxioPath}: {nested.AlluxioPath} is mounted below it; unmount that first.");
        }

        // Stop active sync first, without holding locks: a watcher's sync may be waiting for the locks below.
        foreach (var point in reader.State.SyncPoints.Where(p => AlluxioPath.IsSameOrAncestor(alluxioPath, p.Path)).ToList())
        {
            await CommitAsync(new JournalEntry { RemoveSyncPoint = new RemoveSyncPointEntry { Path = point.Path } });
            await grains.GetGrain<IMountPointGrain>(mount.MountId).StopWatching(point.Path);
        }

        var name = AlluxioPath.Name(alluxioPath);
        using var held = await locks.AcquireAsync(
            [LockRequest.ReadInode(parent.Id), LockRequest.WriteEdge(parent.Id, name), LockRequest.WriteInode(mount.InodeId)], CancellationToken.None);

        await CommitAsync(new JournalEntry
        {
            RemoveMount = new RemoveMountEntry { MountId = mount.MountId, ParentId = parent.Id, Name = name, InodeId = mount.InodeId },
        });
        await ufs.RemoveAsync(mount.MountId);
    }

    public async Task<IReadOnlyList<MountInfo>> GetMountTableAsync(CallerIdentity caller)
    {
        _ = Caller(caller);
        var mounts = reader.Mounts();
        var infos = await Task.WhenAll(mounts.Select(m => grains.GetGrain<IMountPointGrain>(m.MountId).GetInfo()));
        return [.. infos.OrderBy(i => i.AlluxioPath, StringComparer.Ordinal)];
    }

    private (MountRecord Mount, InodeRecord Parent) RequireMountPoint(string alluxioPath, CallerIdentity caller, bool allowRoot)
    {
        var resolved = reader.Resolve(alluxioPath);
        permissions.CheckTraverse(resolved.Ancestors, caller, alluxioPath);
        var target = resolved.Target ?? throw NotFound(alluxioPath);
        if (!target.MountPoint || resolved.Mount.AlluxioPath != alluxioPath)
        {
            throw new InvalidPathException($"{alluxioPath} is not a mount point.");
        }

        var parent = resolved.Parent ?? (allowRoot ? target : throw new InvalidPathException("The root mount cannot be changed this way."));
        permissions.Check(parent, AccessBits.Write | AccessBits.Execute, caller, AlluxioPath.Parent(alluxioPath) ?? AlluxioPath.Root);
        return (resolved.Mount, parent);
    }

    /// <summary>Checks that a UFS can be mounted: a connector serves it and its root is an existing directory.</summary>
    private async Task<UfsStatus> ValidateUfsAsync(string uri, IReadOnlyDictionary<string, string>? properties, string alluxioPath)
    {
        var scheme = UnderFileSystemRegistry.ParseRoot(uri).Scheme;
        if (!ufs.Registry.Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidArgumentException(
                $"Cannot mount {uri} at {alluxioPath}: no under file system connector serves '{scheme}' (known: {string.Join(", ", ufs.Registry.Schemes)}).");
        }

        try
        {
            return await ufs.Registry.ValidateAsync(uri, properties);
        }
        catch (UfsNotFoundException)
        {
            throw new InvalidPathException($"Cannot mount {uri} at {alluxioPath}: the UFS path does not exist.");
        }
        catch (UfsNotADirectoryException)
        {
            throw new InvalidPathException($"Cannot mount {uri} at {alluxioPath}: the UFS path is a file, not a directory.");
        }
        catch (UfsPathException e)
        {
            throw new InvalidPathException($"Cannot mount {uri} at {alluxioPath}: {e.Message}");
        }
        catch (UfsException e)
        {
            throw new UnavailableException($"Cannot mount {uri} at {alluxioPath}: {e.Message}", e);
        }
    }

    public async Task StartSyncAsync(string path, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        if (!target.IsDirectory)
        {
            throw new InvalidPathException($"{path} is a file: active sync watches directories.");
        }

        if (reader.State.SyncPoints.Any(p => p.Path == path))
        {
            throw new FileAlreadyExistsException($"{path} is already a sync point.");
        }

        var overlapping = reader.State.SyncPoints.FirstOrDefault(p => AlluxioPath.IsSameOrAncestor(p.Path, path) || AlluxioPath.IsSameOrAncestor(path, p.Path));
        if (overlapping is not null)
        {
            throw new InvalidPathException($"{path} overlaps the sync point {overlapping.Path}.");
        }

        var mount = resolved.Mount;
        if (ufs.Get(mount).Watch(MountTable.UfsRelativePath(mount, path)) is not { } probe)
        {
            throw new FailedPreconditionException($"The UFS of {mount.AlluxioPath} ({mount.UfsUri}) does not support active sync.");
        }

        await probe.DisposeAsync();
        await CommitAsync(new JournalEntry { AddSyncPoint = new AddSyncPointEntry { SyncPoint = new SyncPointRecord { Path = path, MountId = mount.MountId } } });
        await grains.GetGrain<IMountPointGrain>(mount.MountId).StartWatching(path);
    }

    public async Task StopSyncAsync(string path, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        _ = Caller(caller);
        var point = reader.State.SyncPoints.FirstOrDefault(p => p.Path == path)
            ?? throw new InvalidPathException($"{path} is not a sync point.");
        await CommitAsync(new JournalEntry { RemoveSyncPoint = new RemoveSyncPointEntry { Path = path } });
        await grains.GetGrain<IMountPointGrain>(point.MountId).StopWatching(path);
    }

    public async Task<IReadOnlyList<SyncPointInfo>> GetSyncPathListAsync(CallerIdentity caller)
    {
        _ = Caller(caller);
        var points = reader.State.SyncPoints.ToList();
        var result = new List<SyncPointInfo>();
        foreach (var group in points.GroupBy(p => p.MountId))
        {
            var watched = await grains.GetGrain<IMountPointGrain>(group.Key).GetWatchedPaths();
            result.AddRange(group.Select(p => new SyncPointInfo(p.Path, watched.Contains(p.Path))));
        }

        return [.. result.OrderBy(p => p.Path, StringComparer.Ordinal)];
    }

    public async Task SetPathConfigurationAsync(string path, IReadOnlyDictionary<string, string> properties, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        permissions.CheckSuperUser(Caller(caller), "change path configuration");
        foreach (var (key, value) in properties)
        {
            if (key != SyncIntervals.PropertyName)
            {
                throw new InvalidArgumentException($"Property {key} cannot be set per path (supported: {SyncIntervals.PropertyName}).");
            }

            SyncIntervals.Parse(value);
        }

        var existing = reader.State.PathConfigs.FirstOrDefault(p => p.Path == path);
        var record = new PathConfigRecord { Path = path };
        if (existing is not null)
        {
            record.Properties.Add(existing.Properties);
        }

        foreach (var (key, value) in properties)
        {
            record.Properties[key] = value;
        }

        await CommitAsync(new JournalEntry { SetPathConfig = new SetPathConfigEntry { Config = record } });
    }

    public async Task RemovePathConfigurationAsync(string path, IReadOnlyList<string> keys, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        permissions.CheckSuperUser(Caller(caller), "change path configuration");
        var existing = reader.State.PathConfigs.FirstOrDefault(p => p.Path == path);
        if (existing is null)
        {
            return;
        }

        var remaining = existing.Properties.Where(p => keys.Count > 0 && !keys.Contains(p.Key)).ToList();
        if (remaining.Count == 0)
        {
            await CommitAsync(new JournalEntry { RemovePathConfig = new RemovePathConfigEntry { Path = path } });
            return;
        }

        var record = new PathConfigRecord { Path = path };
        foreach (var (key, value) in remaining)
        {
            record.Properties[key] = value;
        }

        await CommitAsync(new JournalEntry { SetPathConfig = new SetPathConfigEntry { Config = record } });
    }

    public IReadOnlyList<PathConfiguration> GetPathConfiguration() =>
        [.. reader.State.PathConfigs.OrderBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => new PathConfiguration(p.Path, p.Properties.ToDictionary(kv => kv.Key, kv => kv.Value)))];
}
