using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Journal;

/// <summary>Something a committed entry did that other components react to once the entry is durable.</summary>
public abstract record MetadataEffect;

/// <summary>A file left the namespace (deleted, unmounted): its cached blocks can be dropped.</summary>
public sealed record FileRemovedEffect(InodeRecord File) : MetadataEffect;

/// <summary>An inode was created or changed (caches keyed by inode, e.g. listing caches, drop it).</summary>
public sealed record InodeChangedEffect(long InodeId, long ParentId) : MetadataEffect;
