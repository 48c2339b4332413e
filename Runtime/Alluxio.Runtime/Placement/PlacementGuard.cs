using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>Shared checks of the placement directors.</summary>
internal static class PlacementGuard
{
    public static IReadOnlyList<SiloAddress> Require(IReadOnlyList<SiloAddress> silos, PlacementTarget target, string what) =>
        silos.Count > 0
            ? silos
            : throw new SiloUnavailableException($"No active silo {what} can host {target.GrainId}.");
}
