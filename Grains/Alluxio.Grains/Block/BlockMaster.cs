using System.Collections.Concurrent;
using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.Block;

/// <summary>
/// The master's view of cached blocks: registered workers and each block's locations, in memory (workers re-report
/// them when they register, as in Alluxio). Also the namespace's <see cref="IBlockPresence"/>, so a status shows how
/// much of a file is cached. Thread-safe: each worker's state is guarded by its own lock; a block's locations are an
/// immutable array replaced as a whole, so readers take no lock.
/// </summary>
public sealed class BlockMaster(NamespaceReader reader, TimeProvider time) : IBlockPresence
{
    private const string MemoryTier = "MEM";
    private readonly ConcurrentDictionary<long, WorkerState> _workers = new();
    private readonly ConcurrentDictionary<long, BlockLocation[]> _locations = new();

    /// <summary>
    /// Raised (file id, block id) when a worker reports a block gone whose file was never persisted: the file's data
    /// is lost. Handlers run on the heartbeat's thread; keep them short.
    /// </summary>
    public event Action<long, long>? BlockLost;

    /// <summary>Replaces what was known of a worker; returns the blocks among its own it must keep pinned, and those it must drop.</summary>
    public WorkerRegistered Register(WorkerRegistration registration)
    {
        var orphans = registration.Blocks.Select(b => b.BlockId).Where(Orphan).ToHashSet();
        var worker = _workers.AddOrUpdate(
            registration.WorkerId,
            _ => new WorkerState(registration),
            (_, old) =>
            {
                lock (old)
                {
                    foreach (var blockId in old.Blocks.Keys)
                    {
                        RemoveLocation(blockId, old.WorkerId);
                    }
                }

                return new WorkerState(registration);
            });
        lock (worker)
        {
            worker.Tiers = registration.Tiers;
            worker.LastHeartbeat = time.GetUtcNow();
            foreach (var block in registration.Blocks)
            {
                if (!orphans.Contains(block.BlockId))
                {
                    Place(worker, block);
                }
            }
        }

        return new WorkerRegistered([.. registration.Blocks.Select(b => b.BlockId).Where(b => !orphans.Contains(b) && MustPin(b))], [.. orphans]);
    }

    public void Commit(long workerId, BlockPlacement block)
    {
        var worker = Worker(workerId);
        lock (worker)
        {
            Place(worker, block);
        }
    }

    /// <summary>Applies a heartbeat; answers with the worker's blocks that belong to no file (deleted or replaced) and any queued removals.</summary>
    public WorkerCommand Heartbeat(WorkerHeartbeat heartbeat)
    {
        if (!_workers.TryGetValue(heartbeat.WorkerId, out var worker))
        {
            return new WorkerCommand([], Register: true);
        }

        lock (worker)
        {
            worker.Tiers = heartbeat.Tiers;
            worker.LastHeartbeat = time.GetUtcNow();
            foreach (var block in heartbeat.AddedOrMoved)
            {
                Place(worker, block);
            }

            var lost = new List<long>();
            foreach (var blockId in heartbeat.Removed)
            {
                worker.Blocks.Remove(blockId);
                var requested = worker.PendingRemovals.Remove(blockId);
                RemoveLocation(blockId, worker.WorkerId);
                if (!requested && Locations(blockId).Count == 0 && OnlyCopy(blockId))
                {
                    lost.Add(blockId);
                }
            }

            var remove = new HashSet<long>(worker.PendingRemovals);
            remove.UnionWith(worker.Blocks.Keys.Where(Orphan));
            var command = remove.Count == 0 && worker.PendingPins.Count == 0
                ? WorkerCommand.None
                : new WorkerCommand([.. remove], Register: false, [.. worker.PendingPins.Where(p => p.Value).Select(p => p.Key)], [.. worker.PendingPins.Where(p => !p.Value).Select(p => p.Key)]);
            worker.PendingPins.Clear();
            foreach (var blockId in lost)
            {
                BlockLost?.Invoke(BlockId.FileIdOf(blockId), blockId);
            }

            return command;
        }
    }

    /// <summary>Asks every worker holding these blocks to pin (or unpin) them at its next heartbeat.</summary>
    public void QueuePins(IEnumerable<long> blockIds, bool pinned)
    {
        foreach (var blockId in blockIds)
        {
            foreach (var location in Locations(blockId))
            {
                if (_workers.TryGetValue(location.WorkerId, out var worker))
                {
                    lock (worker)
                    {
                        worker.PendingPins[blockId] = pinned;
                    }
                }
            }
        }
    }

    /// <summary>Asks every worker holding these blocks to drop them at its next heartbeat (free, TTL).</summary>
    public int QueueRemoval(IEnumerable<long> blockIds)
    {
        var queued = 0;
        foreach (var blockId in blockIds)
        {
            foreach (var location in Locations(blockId))
            {
                if (_workers.TryGetValue(location.WorkerId, out var worker))
                {
                    lock (worker)
                    {
                        queued += worker.PendingRemovals.Add(blockId) ? 1 : 0;
                    }
                }
            }
        }

        return queued;
    }

    public IReadOnlyList<WorkerInfo> Workers()
    {
        var result = new List<WorkerInfo>();
        foreach (var worker in _workers.Values)
        {
            lock (worker)
            {
                result.Add(new WorkerInfo(worker.WorkerId, worker.Address, worker.Host, worker.Tiers, worker.Blocks.Count, worker.LastHeartbeat));
            }
        }

        return [.. result.OrderBy(w => w.WorkerId)];
    }

    public IReadOnlyList<BlockLocation> Locations(long blockId) => _locations.TryGetValue(blockId, out var locations) ? locations : [];

    public (int InAlluxio, int InMemory) GetPercentages(InodeRecord file)
    {
        if (file.Length == 0)
        {
            return file.Completed ? (100, 100) : (0, 0);
        }

        long cached = 0, inMemory = 0;
        var count = BlockId.Count(file.Length, file.BlockSizeBytes);
        for (var i = 0L; i < count; i++)
        {
            if (file.Id > BlockId.MaxFileId || !_locations.TryGetValue(BlockId.Create(file.Id, i), out var locations) || locations.Length == 0)
            {
                continue;
            }

            var length = BlockId.LengthOf(i, file.Length, file.BlockSizeBytes);
            cached += length;
            if (locations.Any(l => l.TierAlias == MemoryTier))
            {
                inMemory += length;
            }
        }

        return ((int)(cached * 100 / file.Length), (int)(inMemory * 100 / file.Length));
    }

    /// <summary>Whether a block must stay in the cache: its file is pinned, still being written, or not yet persisted (ASYNC_THROUGH).</summary>
    private bool MustPin(long blockId) =>
        reader.State.GetInode(BlockId.FileIdOf(blockId)) is { IsDirectory: false } file
        && (file.Pinned || !file.Completed || file.PersistenceState == PersistenceState.ToBePersisted);

    /// <summary>Whether the cache held the only copy of the block's data (its file is complete and not persisted).</summary>
    private bool OnlyCopy(long blockId) =>
        reader.State.GetInode(BlockId.FileIdOf(blockId)) is { IsDirectory: false, Completed: true } file
        && file.PersistenceState is PersistenceState.NotPersisted or PersistenceState.ToBePersisted
        && BlockId.IndexOf(blockId) < BlockId.Count(file.Length, file.BlockSizeBytes);

    /// <summary>A block whose file is gone, is a directory, or is shorter than the block's index (content replaced).</summary>
    private bool Orphan(long blockId)
    {
        var file = reader.State.GetInode(BlockId.FileIdOf(blockId));
        return file is null || file.IsDirectory || (file.Completed && BlockId.IndexOf(blockId) >= BlockId.Count(file.Length, file.BlockSizeBytes));
    }

    private WorkerState Worker(long workerId) =>
        _workers.TryGetValue(workerId, out var worker) ? worker : throw new Exceptions.FailedPreconditionException($"Worker {workerId} is not registered.");

    // Worker lock held.
    private void Place(WorkerState worker, BlockPlacement block)
    {
        worker.Blocks[block.BlockId] = block.TierAlias;
        var location = new BlockLocation(worker.WorkerId, worker.Address, worker.Host, block.TierAlias);
        _locations.AddOrUpdate(
            block.BlockId,
            _ => [location],
            (_, old) => [.. old.Where(l => l.WorkerId != worker.WorkerId), location]);
    }

    private void RemoveLocation(long blockId, long workerId)
    {
        while (_locations.TryGetValue(blockId, out var old))
        {
            var remaining = old.Where(l => l.WorkerId != workerId).ToArray();
            if (remaining.Length == old.Length)
            {
                return;
            }

            if (remaining.Length == 0 ? _locations.TryRemove(new KeyValuePair<long, BlockLocation[]>(blockId, old)) : _locations.TryUpdate(blockId, remaining, old))
            {
                return;
            }
        }
    }

    /// <summary>What the master knows of one worker (guarded by locking the instance).</summary>
    private sealed class WorkerState(WorkerRegistration registration)
    {
        public long WorkerId { get; } = registration.WorkerId;

        public string Address { get; } = registration.Address;

        public string Host { get; } = registration.Host;

        public IReadOnlyList<TierUsage> Tiers { get; set; } = registration.Tiers;

        public DateTimeOffset LastHeartbeat { get; set; }

        /// <summary>Block id → tier alias.</summary>
        public Dictionary<long, string> Blocks { get; } = [];

        public HashSet<long> PendingRemovals { get; } = [];

        /// <summary>Block id → pin (true) or unpin (false), delivered with the next heartbeat.</summary>
        public Dictionary<long, bool> PendingPins { get; } = [];
    }
}
