using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>
/// The block master's answer to a worker's registration: the blocks it must keep pinned, and the blocks it reported
/// that belong to no file (a tier left from another namespace, or files deleted while it was away): the worker drops
/// those before it serves, so a new file's block can never meet a stale block of the same id.
/// </summary>
[Immutable]
public sealed record WorkerRegistered(IReadOnlyList<long> Pinned, IReadOnlyList<long> Orphans);
