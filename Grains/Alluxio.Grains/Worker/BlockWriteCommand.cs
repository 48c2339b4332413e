namespace Alluxio.Grains.Worker;

/// <summary>A WriteBlock call's command: which block, into which tier, how much to reserve, pinned or not.</summary>
public sealed record BlockWriteCommand(long BlockId, int Tier, long SpaceToReserve, bool Pinned);
