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

    /// <summary>
    /// Check a block's chunks on its first read only, not on every read: once one reader has matched every chunk of a
    /// block against its CRC32C (or a move did), later readers of that block on this tier trust it. For memory, where
    /// stored bytes do not decay the way a disk's do (memory errors are ECC's domain), and whose readers are the hot
    /// path; a block written, moved or recovered is checked again on its next read. <see langword="null"/> = on for MEM
    /// only; disks check every reader.
    /// </summary>
    public bool? TrustCheckedBlocks { get; set; }
}
