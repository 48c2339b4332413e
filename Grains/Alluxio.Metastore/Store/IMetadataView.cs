using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Store;

/// <summary>
/// Read access to metadata: the committed state, or the committer's overlay of a batch in progress. Records returned
/// are shared and must never be mutated: clone before changing.
/// </summary>
public interface IMetadataView
{
    /// <summary>The inode, or null.</summary>
    InodeRecord? GetInode(long id);

    /// <summary>The child of <paramref name="parentId"/> named <paramref name="name"/>, or null.</summary>
    long? GetChildId(long parentId, string name);

    /// <summary>The children of a directory, in byte order of their UTF-8 names, streamed from the store.</summary>
    IEnumerable<(string Name, long Id)> ListChildren(long parentId);

    /// <summary>Whether a directory has at least one child.</summary>
    bool HasChildren(long parentId);

    /// <summary>A mount, or null.</summary>
    MountRecord? GetMount(long mountId);

    /// <summary>Every mount.</summary>
    IReadOnlyCollection<MountRecord> Mounts { get; }

    /// <summary>Every path configuration.</summary>
    IReadOnlyCollection<PathConfigRecord> PathConfigs { get; }

    /// <summary>Every active-sync point.</summary>
    IReadOnlyCollection<SyncPointRecord> SyncPoints { get; }
}
