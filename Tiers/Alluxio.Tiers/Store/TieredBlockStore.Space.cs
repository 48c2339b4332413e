using Alluxio.Tiers.Exceptions;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    /// <summary>
    /// Reserves <paramref name="bytes"/> in a healthy directory of tiers <paramref name="firstTier"/> to
    /// <paramref name="lastTier"/> (or in <paramref name="only"/>): in the first tier with free room or where evicting
    /// can make it. Waits while other evictions are in flight when nothing else can be done.
    /// </summary>
    /// <exception cref="BlockStoreFullException">No directory can make the room.</exception>
    private async ValueTask<StorageDirectory> ReserveAsync(int firstTier, int lastTier, StorageDirectory? only, long bytes, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<BlockEntry>? victims = null;
            Task? wait = null;
            lock (_lock)
            {
                ThrowIfDisposed();
                // Tier by tier: free room, else room made by evicting there (new blocks belong in the faster tier);
                // only a tier where neither works sends the request further down.
                for (var t = firstTier; t <= lastTier && victims is null; t++)
                {
                    var dir = only is null ? _allocator.Choose(_tiers[t], bytes) : only.Healthy && only.Available >= bytes ? only : null;
                    if (dir is not null)
                    {
                        dir.Reserved += bytes;
                        return dir;
                    }

                    victims = PlanEviction(only is null ? _tiers[t].Directories : [only], bytes);
                }

                if (victims is null)
                {
                    var range = only is null ? _tiers[firstTier..(lastTier + 1)].SelectMany(t => t.Directories) : [only];
                    var inFlight = range.Any(d => d.Blocks.Values.Any(b => b.State is BlockState.Moving or BlockState.Removing));
                    if (!inFlight || round >= MaxReserveRounds)
                    {
                        throw new BlockStoreFullException(DescribeFull(firstTier, lastTier, only, bytes));
                    }

                    wait = _spaceFreed.Task;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < victims!.Count; i++)
            {
                try
                {
                    await EvictAsync(victims[i], cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    ReleaseClaims(victims.Skip(i + 1));
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Chooses the directory where evicting can make <paramref name="bytes"/> of room and claims (state Moving) its
    /// coldest evictable blocks until it would; <see langword="null"/> when no directory can. Lock held.
    /// </summary>
    private List<BlockEntry>? PlanEviction(IEnumerable<StorageDirectory> directories, long bytes)
    {
        StorageDirectory? best = null;
        long bestRoom = 0;
        foreach (var dir in directories)
        {
            if (!dir.Healthy)
            {
                continue;
            }

            var room = dir.Available + dir.Blocks.Values.Where(Evictable).Sum(b => b.Length);
            if (room >= bytes && (best is null || room > bestRoom))
            {
                (best, bestRoom) = (dir, room);
            }
        }

        if (best is null)
        {
            return null;
        }

        var now = _clock;
        var victims = new List<BlockEntry>();
        var free = best.Available;
        foreach (var block in best.Blocks.Values.Where(Evictable).OrderBy(b => _annotator.Score(b, now)).ThenBy(b => b.Id))
        {
            if (free >= bytes)
            {
                break;
            }

            block.State = BlockState.Moving;
            victims.Add(block);
            free += block.Length;
        }

        return victims;
    }

    /// <summary>
    /// Evicts a claimed block: moves it one tier down (making room there the same way), or deletes it when it is in
    /// the last tier or cannot move.
    /// </summary>
    private async ValueTask EvictAsync(BlockEntry block, CancellationToken cancellationToken)
    {
        var next = block.Directory.Tier.Ordinal + 1;
        if (next < _tiers.Length)
        {
            try
            {
                var target = await ReserveAsync(next, _tiers.Length - 1, null, block.Length, cancellationToken).ConfigureAwait(false);
                Move(block, target);
                return;
            }
            catch (OperationCanceledException)
            {
                ReleaseClaims([block]);
                throw;
            }
            catch (BlockStoreException)
            {
                // No room below, the target failed, or the block was found corrupt (then it is gone already).
            }
        }

        lock (_lock)
        {
            if (block.State != BlockState.Moving)
            {
                return;
            }

            block.State = BlockState.Removing;
        }

        DeleteBlock(block, BlockRemovalReason.Evicted, "evicted");
    }

    /// <summary>Returns claimed blocks to rest and wakes their waiters.</summary>
    private void ReleaseClaims(IEnumerable<BlockEntry> blocks)
    {
        lock (_lock)
        {
            foreach (var block in blocks)
            {
                if (block.State is BlockState.Moving or BlockState.Removing)
                {
                    block.State = BlockState.Committed;
                    block.SignalChanged();
                }
            }

            SignalSpace();
        }
    }

    /// <summary>Gives back a reservation.</summary>
    private void Release(StorageDirectory dir, long bytes)
    {
        lock (_lock)
        {
            dir.Reserved -= bytes;
            SignalSpace();
        }
    }

    private string DescribeFull(int firstTier, int lastTier, StorageDirectory? only, long bytes)
    {
        var where = only is not null
            ? $"tier {only.Tier.Alias} directory {only.Path}"
            : firstTier == lastTier ? $"tier {_tiers[firstTier].Alias}" : $"tiers {_tiers[firstTier].Alias} to {_tiers[lastTier].Alias}";
        var dirs = (only is null ? _tiers[firstTier..(lastTier + 1)].SelectMany(t => t.Directories) : [only])
            .Select(d => $"{d.Path}: {d.Available} free of {d.Capacity}, {d.Blocks.Values.Count(b => _pinned.Contains(b.Id))} pinned, {d.Blocks.Values.Count(b => b.Readers > 0)} being read{(d.Healthy ? "" : ", unhealthy")}");
        return $"no room for {bytes} bytes in {where} even after evicting every evictable block ({string.Join("; ", dirs)})";
    }
}
