namespace Alluxio.Metastore.Locks;

/// <summary>One lock an operation needs.</summary>
public readonly record struct LockRequest(LockKey Key, LockMode Mode)
{
    public static LockRequest ReadInode(long id) => new(LockKey.Inode(id), LockMode.Read);

    public static LockRequest WriteInode(long id) => new(LockKey.Inode(id), LockMode.Write);

    public static LockRequest WriteEdge(long parentId, string name) => new(LockKey.Edge(parentId, name), LockMode.Write);
}
