using Alluxio.Protos.Meta;

namespace Alluxio.Grains.Persistence;

/// <summary>What persisting one file takes: where it goes in the UFS and the blocks its bytes are in.</summary>
public sealed record PersistTarget(long FileId, string Path, MountRecord Mount, string UfsPath, int Mode, long Length, IReadOnlyList<long> BlockIds, bool Pinned);
