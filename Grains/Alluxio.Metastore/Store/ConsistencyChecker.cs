using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Store;

/// <summary>
/// Checks the store's structural invariants by scanning it: every edge points to an inode whose parent and name match
/// the edge; every inode but the root has its edge and a directory parent; the root exists; every mount's inode is a
/// mount point carrying the mount's id; no inode id is at or above the next id to allocate. Returns the problems
/// found (empty: consistent). For tests, crash checks and `fsadmin doctor`; reads a quiescent store.
/// </summary>
public static class ConsistencyChecker
{
    public const long RootId = 1;

    public static IReadOnlyList<string> Check(MetastoreDb db, long nextInodeId, int maxProblems = 100)
    {
        var problems = new List<string>();
        void Problem(string text)
        {
            if (problems.Count < maxProblems)
            {
                problems.Add(text);
            }
        }

        var inodes = new Dictionary<long, InodeRecord>();
        foreach (var (key, value) in db.Db.ScanPrefix([], db.Inodes))
        {
            var record = InodeRecord.Parser.ParseFrom(value);
            var id = MetastoreKeys.ReadId(key);
            if (record.Id != id)
            {
                Problem($"inode key {id} holds a record with id {record.Id}");
            }

            if (id >= nextInodeId)
            {
                Problem($"inode {id} is not below the next id to allocate ({nextInodeId})");
            }

            inodes[id] = record;
        }

        if (!inodes.ContainsKey(RootId))
        {
            Problem("the root inode (1) is missing");
        }

        var edges = 0;
        foreach (var (key, value) in db.Db.ScanPrefix([], db.Edges))
        {
            edges++;
            var parent = MetastoreKeys.ReadId(key);
            var name = MetastoreKeys.EdgeName(key);
            var child = MetastoreKeys.ReadId(value);
            if (!inodes.TryGetValue(child, out var record))
            {
                Problem($"edge {parent}/{name} points to missing inode {child}");
                continue;
            }

            if (record.ParentId != parent || record.Name != name)
            {
                Problem($"edge {parent}/{name} points to inode {child}, which says it is {record.ParentId}/{record.Name}");
            }
        }

        foreach (var record in inodes.Values.Where(r => r.Id != RootId))
        {
            if (!inodes.TryGetValue(record.ParentId, out var parent))
            {
                Problem($"inode {record.Id} ({record.Name}) has missing parent {record.ParentId} (orphan)");
            }
            else if (!parent.IsDirectory)
            {
                Problem($"inode {record.Id} ({record.Name}) has a file as parent ({parent.Id})");
            }

            var edge = db.Db.Get(MetastoreKeys.Edge(record.ParentId, record.Name), db.Edges);
            if (edge is null || MetastoreKeys.ReadId(edge) != record.Id)
            {
                Problem($"inode {record.Id} ({record.ParentId}/{record.Name}) has no edge from its parent");
            }
        }

        if (edges != Math.Max(0, inodes.Count - 1))
        {
            Problem($"{edges} edges for {inodes.Count} inodes (expected one edge per inode but the root)");
        }

        foreach (var (_, value) in db.Db.ScanPrefix([], db.Mounts))
        {
            var mount = MountRecord.Parser.ParseFrom(value);
            if (!inodes.TryGetValue(mount.InodeId, out var point) || !point.MountPoint || point.MountId != mount.MountId)
            {
                Problem($"mount {mount.MountId} ({mount.AlluxioPath}) has no matching mount point inode {mount.InodeId}");
            }
        }

        return problems;
    }
}
