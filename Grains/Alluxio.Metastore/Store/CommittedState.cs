using Alluxio.Protos.Meta;
using Alluxio.RocksDb;
using Google.Protobuf;

namespace Alluxio.Metastore.Store;

/// <summary>
/// The committed metadata: RocksDB plus in-memory caches (inodes and edges, bounded; mounts, path configurations and
/// sync points, whole). Only the journal committer changes it, one batch at a time, through <see cref="Publish"/>.
/// </summary>
/// <remarks>
/// Invariant: a reader never sees part of a batch. Readers hold <see cref="ReadLock"/> while they look at several
/// keys that must be consistent (a path resolution, a listing page); <see cref="Publish"/> holds the write lock while
/// it writes the batch to RocksDB and to the caches. Lock order: the publish lock is a leaf.
/// </remarks>
public sealed class CommittedState : IMetadataView
{
    private readonly MetastoreDb _db;
    private readonly GenerationalCache<long, InodeRecord> _inodes;
    private readonly GenerationalCache<(long, string), long> _edges;
    private readonly GenerationalCache<long, long[]> _childLists;
    private readonly int _childListMax;
    private readonly ReaderWriterLockSlim _publish = new(LockRecursionPolicy.SupportsRecursion);
    private Dictionary<long, MountRecord> _mounts = [];
    private Dictionary<string, PathConfigRecord> _pathConfigs = [];
    private Dictionary<string, SyncPointRecord> _syncPoints = [];

    public CommittedState(MetastoreDb db, MetastoreOptions options)
    {
        _db = db;
        _inodes = new GenerationalCache<long, InodeRecord>(options.InodeCacheCapacity);
        _edges = new GenerationalCache<(long, string), long>(options.InodeCacheCapacity);
        _childLists = new GenerationalCache<long, long[]>(options.ChildListCacheDirectories);
        _childListMax = options.ChildListCacheDirectories == 0 ? -1 : options.ChildListMaxChildren;
        ReloadSmallTables();
        AppliedSequence = db.ReadMeta(MetastoreKeys.MetaAppliedSequence, 0);
        NextInodeId = db.ReadMeta(MetastoreKeys.MetaNextInodeId, 2);
        NextMountId = db.ReadMeta(MetastoreKeys.MetaNextMountId, 2);
    }

    /// <summary>The last journal sequence number whose entry is in this state.</summary>
    public long AppliedSequence { get; private set; }

    /// <summary>One more than the largest inode id in the state (the root is 1).</summary>
    public long NextInodeId { get; private set; }

    /// <summary>One more than the largest mount id in the state (the root mount is 1).</summary>
    public long NextMountId { get; private set; }

    public MetastoreDb Db => _db;

    public int CachedInodes => _inodes.Count;

    public IReadOnlyCollection<MountRecord> Mounts => _mounts.Values;

    public IReadOnlyCollection<PathConfigRecord> PathConfigs => _pathConfigs.Values;

    public IReadOnlyCollection<SyncPointRecord> SyncPoints => _syncPoints.Values;

    /// <summary>Holds off publishing while disposed: for reads that must see one consistent state.</summary>
    public ReadScope ReadLock()
    {
        _publish.EnterReadLock();
        return new ReadScope(_publish);
    }

    public InodeRecord? GetInode(long id)
    {
        if (_inodes.TryGet(id, out var cached))
        {
            return cached;
        }

        var taken = EnterReadIfNeeded();
        try
        {
            var value = _db.Db.Get(MetastoreKeys.Id(id), _db.Inodes);
            if (value is null)
            {
                return null;
            }

            var record = InodeRecord.Parser.ParseFrom(value);
            _inodes.Add(id, record);
            return record;
        }
        finally
        {
            ExitRead(taken);
        }
    }

    /// <summary>
    /// The inode without adding it to the cache (a cached copy is used if present): for scans such as listings, so a
    /// large directory streams through memory instead of evicting the working set.
    /// </summary>
    public InodeRecord? PeekInode(long id)
    {
        if (_inodes.TryGet(id, out var cached))
        {
            return cached;
        }

        var value = _db.Db.Get(MetastoreKeys.Id(id), _db.Inodes);
        return value is null ? null : InodeRecord.Parser.ParseFrom(value);
    }

    /// <summary>
    /// The child's id, or null. Absent edges are cached too (as <see cref="NoChild"/>): creating a name looks it up
    /// several times before it exists, and a miss in RocksDB's memtable is not cheap.
    /// </summary>
    public long? GetChildId(long parentId, string name)
    {
        if (_edges.TryGet((parentId, name), out var cached))
        {
            return cached == NoChild ? null : cached;
        }

        var taken = EnterReadIfNeeded();
        try
        {
            var value = _db.Db.Get(MetastoreKeys.Edge(parentId, name), _db.Edges);
            var id = value is null ? NoChild : MetastoreKeys.ReadId(value);
            _edges.Add((parentId, name), id);
            return id == NoChild ? null : id;
        }
        finally
        {
            ExitRead(taken);
        }
    }

    /// <summary>The edge cache's marker for "no such child".</summary>
    private const long NoChild = -1;

    /// <summary>Cached in place of a child list too long to keep (compared by reference).</summary>
    private static readonly long[] LargeDirectory = [-1];

    // Caching a value read from RocksDB must not race a publish (which could make the read value stale after the
    // publish updated the cache), so cache fills happen under the read lock; callers that already hold it re-enter.
    private bool EnterReadIfNeeded()
    {
        if (_publish.IsReadLockHeld || _publish.IsWriteLockHeld)
        {
            return false;
        }

        _publish.EnterReadLock();
        return true;
    }

    private void ExitRead(bool taken)
    {
        if (taken)
        {
            _publish.ExitReadLock();
        }
    }

    /// <summary>
    /// Every inode record that <paramref name="match"/> accepts, read straight from the store in id order without
    /// filling the cache (background scans such as the persistence queue's rebuild at start). Not a snapshot: records
    /// committed during the scan may or may not be seen.
    /// </summary>
    public IEnumerable<InodeRecord> ScanInodes(Func<InodeRecord, bool> match)
    {
        using var iterator = _db.Db.NewIterator(_db.Inodes);
        iterator.SeekToFirst();
        while (iterator.Valid)
        {
            var record = InodeRecord.Parser.ParseFrom(iterator.Value());
            if (match(record))
            {
                yield return record;
            }

            iterator.Next();
        }
    }

    public IEnumerable<(string Name, long Id)> ListChildren(long parentId) => ListChildrenAfter(parentId, null);

    /// <summary>Children whose names sort after <paramref name="startAfter"/> (null = from the first): for paging.</summary>
    public IEnumerable<(string Name, long Id)> ListChildrenAfter(long parentId, string? startAfter)
    {
        using var iterator = SeekChildren(parentId, startAfter);
        while (iterator.Valid)
        {
            yield return (MetastoreKeys.EdgeName(iterator.Key()), MetastoreKeys.ReadId(iterator.Value()));
            iterator.Next();
        }
    }

    /// <summary>As <see cref="ListChildrenAfter"/>, the ids only (no name is decoded), at most <paramref name="limit"/> of them.</summary>
    public List<long> ListChildIdsAfter(long parentId, string? startAfter, int limit)
    {
        var ids = new List<long>(Math.Min(limit, 1024));
        using var iterator = SeekChildren(parentId, startAfter);
        while (iterator.Valid && ids.Count < limit)
        {
            ids.Add(MetastoreKeys.ReadId(iterator.Value()));
            iterator.Next();
        }

        return ids;
    }

    /// <summary>
    /// The ids of a directory's children in name order when it has at most <see cref="MetastoreOptions.ChildListMaxChildren"/>
    /// of them, else null (page through it with <see cref="ListChildIdsAfter"/>). The answer, either way, is kept in
    /// memory until an edge under the directory changes. The array is shared: never modify it.
    /// </summary>
    public long[]? SmallDirectoryChildIds(long parentId)
    {
        if (_childLists.TryGet(parentId, out var cached))
        {
            return ReferenceEquals(cached, LargeDirectory) ? null : cached;
        }

        if (_childListMax < 0)
        {
            return null;
        }

        var taken = EnterReadIfNeeded();
        try
        {
            var ids = ListChildIdsAfter(parentId, null, _childListMax + 1);
            var list = ids.Count > _childListMax ? LargeDirectory : ids.ToArray();
            _childLists.Add(parentId, list);
            return ReferenceEquals(list, LargeDirectory) ? null : list;
        }
        finally
        {
            ExitRead(taken);
        }
    }

    /// <summary>An iterator over the edges of <paramref name="parentId"/>, at the first name after <paramref name="startAfter"/>.</summary>
    private RocksIterator SeekChildren(long parentId, string? startAfter)
    {
        // The iterator keeps the options' native object (and its bound) alive, so they can be disposed at once.
        using var options = new ReadOptions { IterateUpperBound = MetastoreKeys.Id(parentId + 1), PrefixSameAsStart = true };
        var iterator = _db.Db.NewIterator(_db.Edges, options);
        if (startAfter is null)
        {
            iterator.Seek(MetastoreKeys.Id(parentId));
        }
        else
        {
            var from = MetastoreKeys.Edge(parentId, startAfter);
            iterator.Seek(from);
            if (iterator.Valid && iterator.Key().SequenceEqual(from))
            {
                iterator.Next();
            }
        }

        return iterator;
    }

    public bool HasChildren(long parentId) => ListChildren(parentId).Any();

    public MountRecord? GetMount(long mountId) => _mounts.GetValueOrDefault(mountId);

    /// <summary>Writes a committed batch to RocksDB and the caches, atomically with respect to readers.</summary>
    internal void Publish(StateChanges changes, long appliedSequence)
    {
        using var batch = new WriteBatch();
        foreach (var (id, record) in changes.Inodes)
        {
            if (record is null)
            {
                batch.Delete(MetastoreKeys.Id(id), _db.Inodes);
            }
            else
            {
                batch.Put(MetastoreKeys.Id(id), record.ToByteArray(), _db.Inodes);
            }
        }

        foreach (var ((parent, name), child) in changes.Edges)
        {
            if (child is null)
            {
                batch.Delete(MetastoreKeys.Edge(parent, name), _db.Edges);
            }
            else
            {
                batch.Put(MetastoreKeys.Edge(parent, name), MetastoreKeys.Id(child.Value), _db.Edges);
            }
        }

        foreach (var (id, mount) in changes.Mounts)
        {
            if (mount is null)
            {
                batch.Delete(MetastoreKeys.Id(id), _db.Mounts);
            }
            else
            {
                batch.Put(MetastoreKeys.Id(id), mount.ToByteArray(), _db.Mounts);
            }
        }

        foreach (var (path, config) in changes.PathConfigs)
        {
            if (config is null)
            {
                batch.Delete(MetastoreKeys.Text(path), _db.PathConfig);
            }
            else
            {
                batch.Put(MetastoreKeys.Text(path), config.ToByteArray(), _db.PathConfig);
            }
        }

        foreach (var (path, point) in changes.SyncPoints)
        {
            if (point is null)
            {
                batch.Delete(MetastoreKeys.Text(path), _db.SyncPoints);
            }
            else
            {
                batch.Put(MetastoreKeys.Text(path), point.ToByteArray(), _db.SyncPoints);
            }
        }

        var nextInode = Math.Max(NextInodeId, changes.MaxInodeId + 1);
        var nextMount = Math.Max(NextMountId, changes.MaxMountId + 1);
        batch.Put(MetastoreKeys.MetaAppliedSequence, MetastoreKeys.Int64(appliedSequence), _db.Meta);
        batch.Put(MetastoreKeys.MetaNextInodeId, MetastoreKeys.Int64(nextInode), _db.Meta);
        batch.Put(MetastoreKeys.MetaNextMountId, MetastoreKeys.Int64(nextMount), _db.Meta);

        _publish.EnterWriteLock();
        try
        {
            // The journal is already durable; RocksDB's own log covers a process crash, replay covers the rest.
            _db.Db.Write(batch, WriteOptions.Default);
            foreach (var (id, record) in changes.Inodes)
            {
                if (record is null)
                {
                    _inodes.Remove(id);
                }
                else
                {
                    _inodes.Set(id, record);
                }
            }

            foreach (var (key, child) in changes.Edges)
            {
                _childLists.Remove(key.Item1);
                if (child is null)
                {
                    _edges.Set(key, NoChild);
                }
                else
                {
                    _edges.Set(key, child.Value);
                }
            }

            if (changes.Mounts.Count > 0)
            {
                _mounts = Apply(_mounts, changes.Mounts);
            }

            if (changes.PathConfigs.Count > 0)
            {
                _pathConfigs = Apply(_pathConfigs, changes.PathConfigs);
            }

            if (changes.SyncPoints.Count > 0)
            {
                _syncPoints = Apply(_syncPoints, changes.SyncPoints);
            }

            AppliedSequence = appliedSequence;
            NextInodeId = nextInode;
            NextMountId = nextMount;
        }
        finally
        {
            _publish.ExitWriteLock();
        }
    }

    private static Dictionary<TKey, TValue> Apply<TKey, TValue>(Dictionary<TKey, TValue> current, Dictionary<TKey, TValue?> changes)
        where TKey : notnull
        where TValue : class
    {
        var next = new Dictionary<TKey, TValue>(current);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = value;
            }
        }

        return next;
    }

    private void ReloadSmallTables()
    {
        _mounts = _db.Db.ScanPrefix([], _db.Mounts).ToDictionary(kv => MetastoreKeys.ReadId(kv.Key), kv => MountRecord.Parser.ParseFrom(kv.Value));
        _pathConfigs = _db.Db.ScanPrefix([], _db.PathConfig).Select(kv => PathConfigRecord.Parser.ParseFrom(kv.Value)).ToDictionary(r => r.Path);
        _syncPoints = _db.Db.ScanPrefix([], _db.SyncPoints).Select(kv => SyncPointRecord.Parser.ParseFrom(kv.Value)).ToDictionary(r => r.Path);
    }

    /// <summary>Releases the read lock.</summary>
    public readonly struct ReadScope(ReaderWriterLockSlim lockSlim) : IDisposable
    {
        public void Dispose() => lockSlim.ExitReadLock();
    }
}
