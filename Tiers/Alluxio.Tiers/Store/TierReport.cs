namespace Alluxio.Tiers.Store;

/// <summary>One tier's space: the sums over its directories, and each directory.</summary>
public sealed record TierReport(string Alias, int Ordinal, long CapacityBytes, long UsedBytes, IReadOnlyList<DirectoryReport> Directories);
