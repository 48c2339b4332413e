using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>
/// The block master's answer to a heartbeat: blocks to drop (freed, or of deleted files), blocks to pin and unpin, and
/// whether to register again.
/// </summary>
[Immutable]
public sealed record WorkerCommand(IReadOnlyList<long> RemoveBlocks, bool Register, IReadOnlyList<long>? Pin = null, IReadOnlyList<long>? Unpin = null)
{
    public static WorkerCommand None { get; } = new([], false);
}
