using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Metastore.Store;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>
/// Lock-free reads of the committed namespace: path resolution, inode paths, directory pages. Each method holds the
/// state's read lock (synchronously) for the keys it must see together, so it never observes half a journal entry.
/// </summary>
public sealed class NamespaceReader(CommittedState state)
{
    public const long RootId = 1;

    public CommittedState State => state;

    /// <summary>Resolves a normalized path as far as it exists.</summary>
    public ResolvedPath Resolve(string path)
    {
        var components = AlluxioPath.Components(path);
        using var read = state.ReadLock();
        var root = state.GetInode(RootId) ?? throw new UnavailableException("The namespace is not formatted yet (no root).");
        var inodes = new List<InodeRecord>(components.Length + 1) { root };
        var current = root;
        foreach (var name in components)
        {
            if (!current.IsDirectory)
            {
                break;
            }

            var childId = state.GetChildId(current.Id, name);
            if (childId is null || state.GetInode(childId.Value) is not { } child)
            {
                break;
            }

            inodes.Add(child);
            current = child;
        }

        return new ResolvedPath(path, components, inodes, MountTable.Resolve(state.Mounts, path));
    }

    /// <summary>The inode and its full path, or null when it no longer exists.</summary>
    public (InodeRecord Inode, string Path)? GetById(long id)
    {
        using var read = state.ReadLock();
        var inode = state.GetInode(id);
        if (inode is null)
        {
            return null;
        }

        var names = new List<string>();
        for (var walk = inode; walk.Id != RootId;)
        {
            names.Add(walk.Name);
            walk = state.GetInode(walk.ParentId) ?? throw new InvalidOperationException($"Inode {walk.Id} has no parent {walk.ParentId}.");
        }

        names.Reverse();
        return (inode, "/" + string.Join('/', names));
    }

    /// <summary>
    /// A directory's children, page by page (each page read under the read lock). A small directory is read from its
    /// cached child list (a snapshot taken when the listing starts: children removed since are skipped); a large one
    /// by name from RocksDB, so entries added behind the cursor show up. Never holds a large directory whole.
    /// </summary>
    public IEnumerable<List<InodeRecord>> ChildPages(long directoryId, int pageSize)
    {
        long[]? ids;
        using (state.ReadLock())
        {
            ids = state.SmallDirectoryChildIds(directoryId);
        }

        if (ids is not null)
        {
            for (var start = 0; start < ids.Length; start += pageSize)
            {
                yield return Records(ids.AsSpan(start, Math.Min(pageSize, ids.Length - start)));
            }

            yield break;
        }

        string? after = null;
        while (true)
        {
            var page = ListPage(directoryId, after, pageSize);
            if (page.Count > 0)
            {
                yield return page;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Name;
        }
    }

    private List<InodeRecord> Records(ReadOnlySpan<long> ids)
    {
        var page = new List<InodeRecord>(ids.Length);
        using var read = state.ReadLock();
        foreach (var id in ids)
        {
            if (state.PeekInode(id) is { } record)
            {
                page.Add(record);
            }
        }

        return page;
    }

    /// <summary>
    /// One page of a directory's children (after <paramref name="startAfter"/>), with their records. Edges and
    /// inodes are published in one atomic batch and read here under the read lock, so every edge has its record and
    /// a short page means the directory has no more children.
    /// </summary>
    private List<InodeRecord> ListPage(long directoryId, string? startAfter, int pageSize)
    {
        using var read = state.ReadLock();
        var ids = state.ListChildIdsAfter(directoryId, startAfter, pageSize);
        var page = new List<InodeRecord>(ids.Count);
        foreach (var childId in ids)
        {
            if (state.PeekInode(childId) is { } child)
            {
                page.Add(child);
            }
        }

        return page;
    }

    public MountRecord MountOf(string path)
    {
        using var read = state.ReadLock();
        return MountTable.Resolve(state.Mounts, path);
    }

    public IReadOnlyList<MountRecord> Mounts()
    {
        using var read = state.ReadLock();
        return [.. state.Mounts];
    }
}
