using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>
/// One mount (key: mount id): its UFS usage for the mount table, and the active-sync watchers of the sync points in
/// it. While it watches, a grain timer drains the UFS change notifications and re-syncs the directories they touch.
/// </summary>
public interface IMountPointGrain : IGrainWithIntegerKey
{
    /// <summary>The mount's info with UFS capacity and usage (refreshed at most every few seconds).</summary>
    Task<MountInfo> GetInfo();

    /// <summary>Starts watching the sync point at <paramref name="alluxioPath"/> (idempotent).</summary>
    Task StartWatching(string alluxioPath);

    /// <summary>Stops watching it (idempotent).</summary>
    Task StopWatching(string alluxioPath);

    /// <summary>The sync points being watched right now.</summary>
    Task<IReadOnlyList<string>> GetWatchedPaths();
}
