using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Store;

/// <summary>The net effect of a batch of journal entries on the state (null values are deletions).</summary>
internal sealed class StateChanges
{
    public Dictionary<long, InodeRecord?> Inodes { get; } = [];

    public Dictionary<(long Parent, string Name), long?> Edges { get; } = [];

    public Dictionary<long, MountRecord?> Mounts { get; } = [];

    public Dictionary<string, PathConfigRecord?> PathConfigs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SyncPointRecord?> SyncPoints { get; } = new(StringComparer.Ordinal);

    public long MaxInodeId { get; set; }

    public long MaxMountId { get; set; }

    public bool IsEmpty => Inodes.Count == 0 && Edges.Count == 0 && Mounts.Count == 0 && PathConfigs.Count == 0 && SyncPoints.Count == 0;
}
