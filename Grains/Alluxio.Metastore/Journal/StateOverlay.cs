using Alluxio.Metastore.Store;
using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Journal;

/// <summary>
/// The committer's view while it validates a batch: the committed state plus the changes of the entries accepted so
/// far in the batch. Each entry runs inside <see cref="BeginEntry"/> … <see cref="CommitEntry"/>/<see cref="RollbackEntry"/>,
/// so an entry that fails validation half-way leaves no trace. Single-threaded (the committer's).
/// </summary>
internal sealed class StateOverlay : IMetadataView
{
    private readonly IMetadataView _base;
    private readonly StateChanges _changes = new();
    private readonly List<Action> _undo = [];
    private Dictionary<long, MountRecord>? _mountsView;

    public StateOverlay(IMetadataView committed)
    {
        _base = committed;
    }

    public StateChanges Changes => _changes;

    /// <summary>Effects of committed entries that listeners act on after the batch is durable (e.g. removed files).</summary>
    public List<MetadataEffect> Effects { get; } = [];

    private int _effectsAtBegin;

    public void BeginEntry()
    {
        _undo.Clear();
        _effectsAtBegin = Effects.Count;
    }

    public void CommitEntry() => _undo.Clear();

    public void RollbackEntry()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            _undo[i]();
        }

        _undo.Clear();
        Effects.RemoveRange(_effectsAtBegin, Effects.Count - _effectsAtBegin);
        _mountsView = null;
    }

    public InodeRecord? GetInode(long id) => _changes.Inodes.TryGetValue(id, out var record) ? record : _base.GetInode(id);

    public long? GetChildId(long parentId, string name) =>
        _changes.Edges.TryGetValue((parentId, name), out var child) ? child : _base.GetChildId(parentId, name);

    public IEnumerable<(string Name, long Id)> ListChildren(long parentId)
    {
        var added = _changes.Edges.Where(e => e.Key.Parent == parentId && e.Value is not null)
            .Select(e => (e.Key.Name, e.Value!.Value)).ToList();
        foreach (var (name, id) in _base.ListChildren(parentId))
        {
            if (!_changes.Edges.ContainsKey((parentId, name)))
            {
                yield return (name, id);
            }
        }

        foreach (var child in added)
        {
            yield return child;
        }
    }

    public bool HasChildren(long parentId) => ListChildren(parentId).Any();

    public MountRecord? GetMount(long mountId) => _changes.Mounts.TryGetValue(mountId, out var mount) ? mount : _base.GetMount(mountId);

    public IReadOnlyCollection<MountRecord> Mounts => (_mountsView ??= BuildMounts()).Values;

    public IReadOnlyCollection<PathConfigRecord> PathConfigs =>
        Merge(_base.PathConfigs.ToDictionary(p => p.Path, StringComparer.Ordinal), _changes.PathConfigs);

    public IReadOnlyCollection<SyncPointRecord> SyncPoints =>
        Merge(_base.SyncPoints.ToDictionary(p => p.Path, StringComparer.Ordinal), _changes.SyncPoints);

    public void PutInode(InodeRecord record)
    {
        Remember(_changes.Inodes, record.Id);
        _changes.Inodes[record.Id] = record;
        _changes.MaxInodeId = Math.Max(_changes.MaxInodeId, record.Id);
    }

    public void DeleteInode(long id)
    {
        Remember(_changes.Inodes, id);
        _changes.Inodes[id] = null;
    }

    public void PutEdge(long parentId, string name, long childId)
    {
        Remember(_changes.Edges, (parentId, name));
        _changes.Edges[(parentId, name)] = childId;
    }

    public void DeleteEdge(long parentId, string name)
    {
        Remember(_changes.Edges, (parentId, name));
        _changes.Edges[(parentId, name)] = null;
    }

    public void PutMount(MountRecord mount)
    {
        Remember(_changes.Mounts, mount.MountId);
        _changes.Mounts[mount.MountId] = mount;
        _changes.MaxMountId = Math.Max(_changes.MaxMountId, mount.MountId);
        _mountsView = null;
    }

    public void DeleteMount(long mountId)
    {
        Remember(_changes.Mounts, mountId);
        _changes.Mounts[mountId] = null;
        _mountsView = null;
    }

    public void PutPathConfig(PathConfigRecord config)
    {
        Remember(_changes.PathConfigs, config.Path);
        _changes.PathConfigs[config.Path] = config;
    }

    public void DeletePathConfig(string path)
    {
        Remember(_changes.PathConfigs, path);
        _changes.PathConfigs[path] = null;
    }

    public void PutSyncPoint(SyncPointRecord point)
    {
        Remember(_changes.SyncPoints, point.Path);
        _changes.SyncPoints[point.Path] = point;
    }

    public void DeleteSyncPoint(string path)
    {
        Remember(_changes.SyncPoints, path);
        _changes.SyncPoints[path] = null;
    }

    private void Remember<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        var maxInode = _changes.MaxInodeId;
        var maxMount = _changes.MaxMountId;
        if (map.TryGetValue(key, out var previous))
        {
            _undo.Add(() =>
            {
                map[key] = previous;
                _changes.MaxInodeId = maxInode;
                _changes.MaxMountId = maxMount;
            });
        }
        else
        {
            _undo.Add(() =>
            {
                map.Remove(key);
                _changes.MaxInodeId = maxInode;
                _changes.MaxMountId = maxMount;
            });
        }
    }

    private Dictionary<long, MountRecord> BuildMounts()
    {
        var mounts = _base.Mounts.ToDictionary(m => m.MountId);
        foreach (var (id, mount) in _changes.Mounts)
        {
            if (mount is null)
            {
                mounts.Remove(id);
            }
            else
            {
                mounts[id] = mount;
            }
        }

        return mounts;
    }

    private static IReadOnlyCollection<T> Merge<T>(Dictionary<string, T> baseline, Dictionary<string, T?> changes)
        where T : class
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                baseline.Remove(key);
            }
            else
            {
                baseline[key] = value;
            }
        }

        return baseline.Values;
    }
}
