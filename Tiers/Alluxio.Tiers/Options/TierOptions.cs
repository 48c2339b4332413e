namespace Alluxio.Tiers.Options;

/// <summary>One storage tier (Alluxio's <c>alluxio.worker.tieredstore.levelN.*</c>).</summary>
public sealed class TierOptions
{
    /// <summary>The tier's name: MEM, SSD, HDD or any other, unique in the store, case-insensitive.</summary>
    public string Alias { get; set; } = "";

    /// <summary>The tier's directories (at least one).</summary>
    public List<TierDirectoryOptions> Directories { get; set; } = [];

    /// <summary>
    /// fsync block files and their directory when a block is committed, so a committed block survives a power loss.
    /// <see langword="null"/> = on for every tier but MEM (a RAM disk does not survive a reboot either way).
    /// </summary>
    public bool? SyncOnCommit { get; set; }
}
