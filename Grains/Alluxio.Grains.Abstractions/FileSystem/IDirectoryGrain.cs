using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>
/// One directory (key: inode id). Serialises the metadata syncs of its children: concurrent callers asking for a
/// sync wait for the one running and reuse its result, so a burst of listings of a stale directory lists the UFS once.
/// Keeps the time of the last sync and the names recently found absent in the UFS (in memory: after a restart every
/// directory syncs once more).
/// </summary>
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Syncs the directory's listing with the UFS unless a sync newer than <paramref name="maxAgeMs"/> exists.</summary>
    Task<LoadMetadataResult> SyncChildren(long maxAgeMs, bool force);

    /// <summary>
    /// Loads (or refreshes) one child from the UFS unless checked within <paramref name="maxAgeMs"/>; returns whether it
    /// exists. Interleaves: checks of different children run concurrently (each holds the metadata lock of its own edge,
    /// and waits for a listing sync of the directory, which holds the directory's write lock).
    /// </summary>
    [AlwaysInterleave]
    Task<bool> SyncChild(string name, long maxAgeMs);

    /// <summary>Forgets the sync state (after a change observed by active sync, or an unmount).</summary>
    [AlwaysInterleave]
    Task Invalidate();
}
