namespace Alluxio.Tiers.Store;

/// <summary>One tier directory's space and health.</summary>
/// <param name="Path">The configured directory.</param>
/// <param name="CapacityBytes">Its quota.</param>
/// <param name="UsedBytes">Bytes of committed blocks.</param>
/// <param name="ReservedBytes">Bytes reserved by blocks being written or moved in.</param>
/// <param name="BlockCount">Committed blocks.</param>
/// <param name="Healthy">New blocks may go here.</param>
/// <param name="FailureReason">Why the directory is unhealthy (<see langword="null"/> when healthy).</param>
public sealed record DirectoryReport(string Path, long CapacityBytes, long UsedBytes, long ReservedBytes, int BlockCount, bool Healthy, string? FailureReason);
