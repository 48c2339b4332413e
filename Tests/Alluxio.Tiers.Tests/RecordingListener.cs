using System.Collections.Concurrent;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>Records the store's change notifications in order.</summary>
internal sealed class RecordingListener : IBlockStoreListener
{
    public ConcurrentQueue<string> Log { get; } = new();

    public void OnBlockAdded(BlockInfo block) => Log.Enqueue($"added {block.BlockId} {block.TierAlias}");

    public void OnBlockMoved(BlockInfo block) => Log.Enqueue($"moved {block.BlockId} {block.TierAlias}");

    public void OnBlockRemoved(long blockId, BlockRemovalReason reason) => Log.Enqueue($"removed {blockId} {reason}");
}
