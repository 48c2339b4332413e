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

    /// <summary>One page of a directory's children (after <paramref name="startAfter"/>), with their records.</summary>
    public List<InodeRecord> ListPage(long directoryId, string? startAfter, int pageSize)
    {
        var page = new List<InodeRecord>(Math.Min(pageSize, 1024));
        using var read = state.ReadLock();
        foreach (var (_, childId) in state.ListChildrenAfter(directoryId, startAfter))
        {
            if (state.PeekInode(childId) is { } child)
            {
                page.Add(child);
            }

            if (page.Count >= pageSize)
            {
                break;
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
