using Alluxio.Runtime;

namespace Alluxio.Grains.Blocks;

/// <summary>
/// The block master (key 0): which workers exist, their tiers, and where each block is cached. Locations are not
/// journaled (as in Alluxio): workers report them again when they register. Commits are reported synchronously, so a
/// block is located as soon as its write returns; removals and moves come with heartbeats.
/// </summary>
public interface IBlockMasterGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A worker (re)joins with all its blocks; replaces what was known of it. Returns the blocks among them the worker
    /// must keep pinned (of pinned files, and of files not yet persisted) and those that belong to no file, which it
    /// must drop (they are not located).
    /// </summary>
    Task<WorkerRegistered> RegisterWorker(WorkerRegistration registration);

    /// <summary>A block was committed on a worker.</summary>
    Task CommitBlock(long workerId, BlockPlacement block);

    /// <summary>A worker's periodic report; the answer carries commands for it.</summary>
    Task<WorkerCommand> Heartbeat(WorkerHeartbeat heartbeat);

    /// <summary>The registered workers.</summary>
    Task<IReadOnlyList<WorkerInfo>> GetWorkers();

    /// <summary>The cached copies of a block.</summary>
    Task<IReadOnlyList<BlockLocation>> GetBlockLocations(long blockId);
}
