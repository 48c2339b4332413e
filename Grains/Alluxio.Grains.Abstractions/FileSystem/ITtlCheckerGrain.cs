using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>
/// Acts on expired TTLs (key 0), on a grain timer every <c>Master:TtlCheckInterval</c>: FREE frees the cached data
/// (persisted files only) and clears the TTL, DELETE_ALLUXIO deletes from Alluxio only, DELETE deletes from Alluxio and
/// the UFS.
/// </summary>
public interface ITtlCheckerGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the timer (idempotent).</summary>
    Task Start();

    /// <summary>Checks now; returns how many expired files and directories were acted on.</summary>
    Task<int> CheckNow();
}
