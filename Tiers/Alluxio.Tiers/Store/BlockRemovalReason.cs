namespace Alluxio.Tiers.Store;

/// <summary>Why a block left the store (reported to the block master with the removal).</summary>
public enum BlockRemovalReason
{
    /// <summary>Removed on request (free, delete, unmount, TTL).</summary>
    Removed = 0,

    /// <summary>Evicted from the last tier to make room.</summary>
    Evicted = 1,

    /// <summary>Its bytes did not match their checksums.</summary>
    Corrupted = 2,

    /// <summary>Its files could not be read (disk failure, files removed behind the store's back).</summary>
    Lost = 3,
}
