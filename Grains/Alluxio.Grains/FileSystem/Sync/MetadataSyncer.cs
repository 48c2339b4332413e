using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.Paths;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grains.FileSystem.Sync;

/// <summary>
/// Makes Alluxio's metadata match the UFS for one child of a directory, or for a directory's whole listing: creates
/// what appeared, refreshes what changed (UFS fingerprint differs: length, mtime, owner, mode, content hash), removes
/// what disappeared (only inodes whose data is in the UFS: persisted and loaded ones; Alluxio-only data is kept).
/// Mount points are never touched by a parent's sync. Runs under metadata locks (an edge lock for one child, the
/// directory's write lock for a listing) and commits journal entries of bounded size.
/// </summary>
public sealed partial class MetadataSyncer(
    Alluxio.Metastore.Metastore metastore,
    NamespaceReader reader,
    UfsManager ufs,
    MetadataLockManager locks,
    FileSystemMasterOptions options,
    ILogger<MetadataSyncer> logger)
{
    /// <summary>Sub-entries per composite journal entry when a listing changes many children.</summary>
    public const int EntriesPerCommit = 2000;

    private readonly ListingPrefetcher _prefetcher = new(ufs, options.SyncPrefetch);

    /// <summary>Loads or refreshes one child; returns whether it exists in Alluxio afterwards.</summary>
    public async Task<(bool Exists, LoadMetadataResult Result)> SyncChildAsync(long directoryId, string name, CancellationToken cancellationToken)
    {
        var found = reader.GetById(directoryId);
        if (found is not { } dir || !dir.Inode.IsDirectory)
        {
            return (false, Empty);
        }

        var childPath = AlluxioPath.Join(dir.Path, name);
        var mount = reader.MountOf(childPath);
        if (mount.AlluxioPath == childPath)
        {
            return (true, Empty);
        }

        if (dir.Inode.PersistenceState != Protos.Meta.PersistenceState.Persisted && !dir.Inode.MountPoint)
        {
            // An Alluxio-only directory has nothing in the UFS to load.
            return (reader.State.GetChildId(directoryId, name) is not null, Empty);
        }

        var status = await GetStatusAsync(mount, childPath, cancellationToken);
        using var held = await locks.AcquireAsync([LockRequest.ReadInode(directoryId), LockRequest.WriteEdge(directoryId, name)], cancellationToken);
        var counts = new Counts();
        JournalEntry? entry;
        using (reader.State.ReadLock())
        {
            var parent = reader.State.GetInode(directoryId);
            if (parent is null)
            {
                return (false, Empty);
            }

            var currentId = reader.State.GetChildId(directoryId, name);
            var current = currentId is { } id ? reader.State.GetInode(id) : null;
            entry = Reconcile(parent, mount, name, current, status, counts);
        }

        if (entry is not null)
        {
            await CommitAsync(entry, cancellationToken);
        }

        return (reader.State.GetChildId(directoryId, name) is not null, counts.ToResult());
    }

    /// <summary>Syncs a directory's whole listing with the UFS.</summary>
    public async Task<LoadMetadataResult> SyncChildrenAsync(long directoryId, CancellationToken cancellationToken)
    {
        var found = reader.GetById(directoryId);
        if (found is not { } dir || !dir.Inode.IsDirectory)
        {
            return Empty;
        }

        var mount = reader.MountOf(dir.Path);
        var inUfs = dir.Inode.MountPoint || dir.Inode.PersistenceState == Protos.Meta.PersistenceState.Persisted;
        var listing = inUfs ? await _prefetcher.TakeOrListAsync(directoryId, mount, MountTable.UfsRelativePath(mount, dir.Path), cancellationToken) : null;
        using var held = await locks.AcquireAsync([LockRequest.WriteInode(directoryId)], cancellationToken);
        var counts = new Counts();
        var entries = new List<JournalEntry>();
        using (reader.State.ReadLock())
        {
            var directory = reader.State.GetInode(directoryId);
            if (directory is null)
            {
                return Empty;
            }

            if (listing is not null)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (name, childId) in reader.State.ListChildren(directoryId))
                {
                    seen.Add(name);
                    var child = reader.State.GetInode(childId);
                    if (child is null || child.MountPoint)
                    {
                        continue;
                    }

                    listing.TryGetValue(name, out var status);
                    if (Reconcile(directory, mount, name, child, status, counts) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                foreach (var (name, status) in listing)
                {
                    if (!seen.Contains(name) && Reconcile(directory, mount, name, null, status, counts) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }
            }

            if (!directory.DirectChildrenLoaded)
            {
                var loaded = directory.Clone();
                loaded.DirectChildrenLoaded = true;
                entries.Add(new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { loaded } } });
            }
        }

        foreach (var chunk in entries.Chunk(EntriesPerCommit))
        {
            var composite = new CompositeEntry();
            composite.Entries.AddRange(chunk);
            await CommitAsync(new JournalEntry { Composite = composite }, cancellationToken);
        }

        if (counts.Created + counts.Updated + counts.Removed > 0)
        {
            LogSynced(dir.Path, counts.Created, counts.Updated, counts.Removed);
        }

        return counts.ToResult();
    }

    /// <summary>Starts listing a directory's UFS children ahead of its sync (bounded by SyncPrefetch).</summary>
    public void Prefetch(long directoryId, string path)
    {
        var mount = reader.MountOf(path);
        _prefetcher.Start(directoryId, mount, MountTable.UfsRelativePath(mount, path));
    }

    private static readonly LoadMetadataResult Empty = new(0, 0, 0);

    // Under the state's read lock.
    private JournalEntry? Reconcile(InodeRecord parent, MountRecord mount, string name, InodeRecord? current, UfsStatus? status, Counts counts)
    {
        if (current is null)
        {
            if (status is null)
            {
                return null;
            }

            counts.Created++;
            return new JournalEntry { CreateInodes = new CreateInodesEntry { Inodes = { NewFromUfs(parent, status) } } };
        }

        if (current.MountPoint)
        {
            return null;
        }

        if (status is null || status.IsDirectory != current.IsDirectory)
        {
            if (!Removable(current))
            {
                return null;
            }

            counts.Removed++;
            var delete = new JournalEntry { DeleteInode = new DeleteInodeEntry { ParentId = parent.Id, Name = name, InodeId = current.Id } };
            if (status is null)
            {
                return delete;
            }

            counts.Created++;
            var replace = new CompositeEntry();
            replace.Entries.Add(delete);
            replace.Entries.Add(new JournalEntry { CreateInodes = new CreateInodesEntry { Inodes = { NewFromUfs(parent, status) } } });
            return new JournalEntry { Composite = replace };
        }

        if (current.PersistenceState == Protos.Meta.PersistenceState.Persisted && current.UfsFingerprint != status.Fingerprint)
        {
            counts.Updated++;
            if (!current.IsDirectory && !InodeFactory.SameContent(current.UfsFingerprint, status.Fingerprint))
            {
                // New content: a new inode, so new block ids; blocks cached from the old content are never served for it.
                var replace = new CompositeEntry();
                replace.Entries.Add(new JournalEntry { DeleteInode = new DeleteInodeEntry { ParentId = parent.Id, Name = name, InodeId = current.Id } });
                replace.Entries.Add(new JournalEntry { CreateInodes = new CreateInodesEntry { Inodes = { InodeFactory.Replacing(NewFromUfs(parent, status), current) } } });
                return new JournalEntry { Composite = replace };
            }

            return new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { InodeFactory.Refreshed(current, status) } } };
        }

        return null;
    }

    private InodeRecord NewFromUfs(InodeRecord parent, UfsStatus status) =>
        InodeFactory.FromUfs(metastore.NewInodeId(), parent.Id, status, parent.MountId, parent, options.DefaultBlockSizeBytes);

    /// <summary>Whether sync may remove an inode missing from the UFS: all of it must be persisted and free of mount points.</summary>
    private bool Removable(InodeRecord inode)
    {
        var pending = new Stack<InodeRecord>();
        pending.Push(inode);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next.MountPoint || next.PersistenceState != Protos.Meta.PersistenceState.Persisted)
            {
                return false;
            }

            if (next.IsDirectory)
            {
                foreach (var (_, childId) in reader.State.ListChildren(next.Id))
                {
                    if (reader.State.GetInode(childId) is { } child)
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        return true;
    }

    private async Task<UfsStatus?> GetStatusAsync(MountRecord mount, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ufs.Get(mount).GetStatusAsync(MountTable.UfsRelativePath(mount, path), cancellationToken);
        }
        catch (UfsException e)
        {
            throw new UnavailableException($"The UFS of {mount.AlluxioPath} ({mount.UfsUri}) failed while loading {path}: {e.Message}", e);
        }
    }

    private async Task CommitAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await metastore.CommitAsync(entry, cancellationToken);
        }
        catch (Metastore.Journal.MetadataConflictException e)
        {
            // Someone changed the directory between our read and the commit (only mount operations can, since we hold
            // the directory's locks); the next sync sees the new state.
            LogSyncConflict(e.Message);
        }
    }

    private sealed class Counts
    {
        public long Created;
        public long Updated;
        public long Removed;

        public LoadMetadataResult ToResult() => new(Created, Updated, Removed);
    }

    [LoggerMessage(6001, LogLevel.Debug, "Synced {Path} with the UFS: {Created} created, {Updated} updated, {Removed} removed")]
    private partial void LogSynced(string path, long created, long updated, long removed);

    [LoggerMessage(6002, LogLevel.Information, "A metadata sync lost a race and will be retried on the next access: {Reason}")]
    private partial void LogSyncConflict(string reason);
}
