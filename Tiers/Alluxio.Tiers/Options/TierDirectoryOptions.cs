namespace Alluxio.Tiers.Options;

/// <summary>One directory of a tier (Alluxio's <c>alluxio.worker.tieredstore.levelN.dirs.path</c> and <c>.quota</c>).</summary>
public sealed class TierDirectoryOptions
{
    /// <summary>The directory the tier's blocks live under (created if missing). Two directories may not overlap.</summary>
    public string Path { get; set; } = "";

    /// <summary>The most bytes of blocks this directory holds. Must be positive.</summary>
    public long QuotaBytes { get; set; }
}
