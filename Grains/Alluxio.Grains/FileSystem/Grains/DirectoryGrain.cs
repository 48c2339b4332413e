using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.FileSystem.Sync;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>
/// One directory's sync state. Non-reentrant on purpose: syncs of the same directory run one at a time, and a caller
/// queued behind a sync finds it fresh and returns without touching the UFS.
/// </summary>
/// <remarks>
/// <c>maxAgeMs == long.MaxValue</c> means "once" (sync interval -1): a child known to Alluxio, or a name already
/// checked and found absent, needs no UFS call; a directory whose listing was loaded once is not listed again.
/// </remarks>
public sealed class DirectoryGrain(MetadataSyncer syncer, NamespaceReader reader, TimeProvider time) : Grain, IDirectoryGrain
{
    private const int MaxRememberedChildren = 10_000;
    private readonly Dictionary<string, long> _childCheckedAtMs = new(StringComparer.Ordinal);
    private long _listingSyncedAtMs = long.MinValue;

    private long Id => this.GetPrimaryKeyLong();

    public async Task<LoadMetadataResult> SyncChildren(long maxAgeMs, bool force)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!force && IsFresh(_listingSyncedAtMs, maxAgeMs, now))
        {
            return new LoadMetadataResult(0, 0, 0);
        }

        if (!force && maxAgeMs == long.MaxValue && reader.State.GetInode(Id) is { DirectChildrenLoaded: true })
        {
            _listingSyncedAtMs = now;
            return new LoadMetadataResult(0, 0, 0);
        }

        var result = await syncer.SyncChildrenAsync(Id, CancellationToken.None);
        _listingSyncedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        _childCheckedAtMs.Clear();
        return result;
    }

    public async Task<bool> SyncChild(string name, long maxAgeMs)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var known = reader.State.GetChildId(Id, name) is not null;
        if (maxAgeMs == long.MaxValue)
        {
            // "Once": a known child needs nothing; an unknown one is looked up in the UFS once (then remembered as
            // absent), even if the directory was listed before: the UFS may have gained it since.
            if (known || _childCheckedAtMs.ContainsKey(name))
            {
                return known;
            }
        }
        else
        {
            var checkedAt = Math.Max(_listingSyncedAtMs, _childCheckedAtMs.GetValueOrDefault(name, long.MinValue));
            if (IsFresh(checkedAt, maxAgeMs, now))
            {
                return known;
            }
        }

        var (exists, _) = await syncer.SyncChildAsync(Id, name, CancellationToken.None);
        if (_childCheckedAtMs.Count >= MaxRememberedChildren)
        {
            _childCheckedAtMs.Clear();
        }

        _childCheckedAtMs[name] = time.GetUtcNow().ToUnixTimeMilliseconds();
        return exists;
    }

    public Task Invalidate()
    {
        _listingSyncedAtMs = long.MinValue;
        _childCheckedAtMs.Clear();
        return Task.CompletedTask;
    }

    private static bool IsFresh(long syncedAtMs, long maxAgeMs, long nowMs) =>
        syncedAtMs != long.MinValue && (maxAgeMs == long.MaxValue || nowMs - syncedAtMs < maxAgeMs);
}
