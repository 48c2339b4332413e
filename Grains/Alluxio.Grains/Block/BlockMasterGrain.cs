using Alluxio.Grains.Blocks;
using Alluxio.Runtime;

namespace Alluxio.Grains.Block;

/// <summary>The block master's grain face: every call is a short, thread-safe update of <see cref="BlockMaster"/>.</summary>
[Reentrant]
public sealed class BlockMasterGrain(BlockMaster master) : Grain, IBlockMasterGrain
{
    public Task<WorkerRegistered> RegisterWorker(WorkerRegistration registration) => Task.FromResult(master.Register(registration));

    public Task CommitBlock(long workerId, BlockPlacement block)
    {
        master.Commit(workerId, block);
        return Task.CompletedTask;
    }

    public Task<WorkerCommand> Heartbeat(WorkerHeartbeat heartbeat) => Task.FromResult(master.Heartbeat(heartbeat));

    public Task<IReadOnlyList<WorkerInfo>> GetWorkers() => Task.FromResult(master.Workers());

    public Task<IReadOnlyList<BlockLocation>> GetBlockLocations(long blockId) => Task.FromResult(master.Locations(blockId));
}
