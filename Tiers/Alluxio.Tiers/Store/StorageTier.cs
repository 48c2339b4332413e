namespace Alluxio.Tiers.Store;

/// <summary>A tier and its directories. The list is fixed at start; state is guarded by the store's lock.</summary>
internal sealed class StorageTier(string alias, int ordinal, bool syncOnCommit, bool trustCheckedBlocks = false)
{
    /// <summary>Readers skip the CRC32C check of blocks already checked (<see cref="Options.TierOptions.TrustCheckedBlocks"/>).</summary>
    public bool TrustCheckedBlocks { get; } = trustCheckedBlocks;

    public string Alias { get; } = alias;

    public int Ordinal { get; } = ordinal;

    public bool SyncOnCommit { get; } = syncOnCommit;

    public List<StorageDirectory> Directories { get; } = [];

    /// <summary>Round-robin allocation's position.</summary>
    public int NextDirectory { get; set; }

    public long Capacity => Directories.Sum(d => d.Capacity);

    public long Used => Directories.Sum(d => d.Committed);
}
