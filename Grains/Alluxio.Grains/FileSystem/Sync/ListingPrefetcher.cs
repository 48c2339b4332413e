using System.Collections.Concurrent;
using Alluxio.Grains.Exceptions;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem.Sync;

/// <summary>
/// UFS listings started ahead of the directory syncs that will need them (a breadth-first sync knows the next
/// directories early). At most <c>limit</c> listings run ahead; a sync that finds no prefetched listing lists itself.
/// </summary>
internal sealed class ListingPrefetcher(Mounts.UfsManager ufs, int limit)
{
    private readonly ConcurrentDictionary<long, Task<Dictionary<string, UfsStatus>?>> _pending = new();
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limit));

    public void Start(long directoryId, MountRecord mount, string relativePath)
    {
        if (limit == 0 || _pending.ContainsKey(directoryId) || !_slots.Wait(0))
        {
            return;
        }

        var task = ListAsync(mount, relativePath, CancellationToken.None);
        _pending.TryAdd(directoryId, task);
        _ = task.ContinueWith(_ => _slots.Release(), TaskScheduler.Default);
    }

    /// <summary>The prefetched listing (or a fresh one); null when the directory does not exist in the UFS.</summary>
    public async Task<Dictionary<string, UfsStatus>?> TakeOrListAsync(long directoryId, MountRecord mount, string relativePath, CancellationToken cancellationToken)
    {
        if (_pending.TryRemove(directoryId, out var prefetched))
        {
            try
            {
                return await prefetched;
            }
            catch (UnavailableException)
            {
                // Fall through: list again, reporting the current error if it persists.
            }
        }

        return await ListAsync(mount, relativePath, cancellationToken);
    }

    private async Task<Dictionary<string, UfsStatus>?> ListAsync(MountRecord mount, string relativePath, CancellationToken cancellationToken)
    {
        var listing = new Dictionary<string, UfsStatus>(StringComparer.Ordinal);
        try
        {
            await foreach (var status in ufs.Get(mount).ListAsync(relativePath, cancellationToken))
            {
                listing[status.Name] = status;
            }
        }
        catch (UfsNotFoundException)
        {
            return null;
        }
        catch (UfsNotADirectoryException)
        {
            return null;
        }
        catch (UfsException e)
        {
            throw new UnavailableException($"The UFS of {mount.AlluxioPath} ({mount.UfsUri}) failed while listing '{relativePath}': {e.Message}", e);
        }

        return listing;
    }
}
