namespace Alluxio.Grains.FileSystem;

/// <summary>When a call loads metadata from the UFS (Alluxio's LoadMetadataPType).</summary>
public enum LoadMetadataType
{
    /// <summary>Never: only what Alluxio knows.</summary>
    Never = 0,

    /// <summary>Once: load paths Alluxio does not know yet (default).</summary>
    Once = 1,

    /// <summary>Always: sync with the UFS on this call.</summary>
    Always = 2,
}

/// <summary>Where written data goes (Alluxio's write types).</summary>
public enum WriteType
{
    /// <summary>The configured default (ASYNC_THROUGH).</summary>
    Default = 0,

    /// <summary>Alluxio only; never persisted unless asked.</summary>
    MustCache = 1,

    /// <summary>Alluxio and the UFS, synchronously.</summary>
    CacheThrough = 2,

    /// <summary>The UFS only; metadata tracked by Alluxio.</summary>
    Through = 3,

    /// <summary>Alluxio now, the UFS in the background.</summary>
    AsyncThrough = 4,
}

/// <summary>What happens when a TTL expires.</summary>
public enum TtlAction
{
    Free = 0,
    DeleteAlluxio = 1,
    Delete = 2,
}

/// <summary>Whether a file's data is in the UFS.</summary>
public enum PersistenceState
{
    NotPersisted = 0,
    ToBePersisted = 1,
    Persisted = 2,
    Lost = 3,
}

/// <summary>How a read uses the cache (Alluxio's read types; values equal the wire's ReadPType).</summary>
public enum ReadType
{
    /// <summary>The configured default (CACHE).</summary>
    Default = 0,

    /// <summary>Read the UFS on a miss without caching.</summary>
    NoCache = 1,

    /// <summary>Cache the data on a miss (Alluxio's default).</summary>
    Cache = 2,

    /// <summary>Cache, and move data found in a lower tier to the top tier.</summary>
    CachePromote = 3,
}
