namespace Alluxio.Metastore.Locks;

/// <summary>
/// What a metadata lock protects: an inode (<see cref="Name"/> null) or the edge from a directory to one child name.
/// Totally ordered (id, then the inode before its edges, then ordinal name): every operation takes its locks in this
/// order, which rules out deadlock.
/// </summary>
public readonly record struct LockKey(long Id, string? Name) : IComparable<LockKey>
{
    public static LockKey Inode(long id) => new(id, null);

    public static LockKey Edge(long parentId, string name) => new(parentId, name);

    public int CompareTo(LockKey other)
    {
        var c = Id.CompareTo(other.Id);
        if (c != 0)
        {
            return c;
        }

        if (Name is null)
        {
            return other.Name is null ? 0 : -1;
        }

        return other.Name is null ? 1 : string.CompareOrdinal(Name, other.Name);
    }

    public override string ToString() => Name is null ? $"inode {Id}" : $"edge {Id}/{Name}";
}
