using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>A file or directory as clients see it (Alluxio's FileInfo). Immutable: its block list is never changed after
/// construction, so the runtime passes it between grains without copying, and the master keeps one per cached inode
/// together with its serialized wire form. Equality compares every property (the block list by its elements).</summary>
[Immutable]
public sealed record FileStatus
{
    /// <summary>The serialized FileInfo, made once on first use (<see cref="Wire.WireMapping.ToWireBytes"/>); not part of equality.</summary>
    internal Google.Protobuf.ByteString? WireForm;

    public required long FileId { get; init; }

    public required string Name { get; init; }

    public required string Path { get; init; }

    public string UfsPath { get; init; } = string.Empty;

    public long Length { get; init; }

    public long BlockSizeBytes { get; init; }

    public long CreationTimeMs { get; init; }

    public long LastModificationTimeMs { get; init; }

    public long LastAccessTimeMs { get; init; }

    public bool Completed { get; init; }

    public bool Folder { get; init; }

    public bool Pinned { get; init; }

    public bool Cacheable { get; init; }

    public PersistenceState PersistenceState { get; init; }

    public bool Persisted => PersistenceState == PersistenceState.Persisted;

    public IReadOnlyList<long> BlockIds { get; init; } = [];

    public long Ttl { get; init; } = -1;

    public TtlAction TtlAction { get; init; }

    public string Owner { get; init; } = string.Empty;

    public string Group { get; init; } = string.Empty;

    public int Mode { get; init; }

    public bool MountPoint { get; init; }

    public long MountId { get; init; }

    public int InAlluxioPercentage { get; init; }

    public int InMemoryPercentage { get; init; }

    public string UfsFingerprint { get; init; } = string.Empty;

    public int ReplicationMin { get; init; }

    public int ReplicationMax { get; init; } = -1;

    public string PersistError { get; init; } = string.Empty;

    public bool Equals(FileStatus? other) =>
        other is not null && (ReferenceEquals(this, other) || (
            FileId == other.FileId && Name == other.Name && Path == other.Path && UfsPath == other.UfsPath
            && Length == other.Length && BlockSizeBytes == other.BlockSizeBytes && CreationTimeMs == other.CreationTimeMs
            && LastModificationTimeMs == other.LastModificationTimeMs && LastAccessTimeMs == other.LastAccessTimeMs
            && Completed == other.Completed && Folder == other.Folder && Pinned == other.Pinned && Cacheable == other.Cacheable
            && PersistenceState == other.PersistenceState && BlockIds.SequenceEqual(other.BlockIds) && Ttl == other.Ttl
            && TtlAction == other.TtlAction && Owner == other.Owner && Group == other.Group && Mode == other.Mode
            && MountPoint == other.MountPoint && MountId == other.MountId && InAlluxioPercentage == other.InAlluxioPercentage
            && InMemoryPercentage == other.InMemoryPercentage && UfsFingerprint == other.UfsFingerprint
            && ReplicationMin == other.ReplicationMin && ReplicationMax == other.ReplicationMax && PersistError == other.PersistError));

    public override int GetHashCode() => HashCode.Combine(FileId, Path, Length, LastModificationTimeMs, Mode, PersistenceState);
}
