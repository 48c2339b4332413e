using Alluxio.Runtime.Placement;

namespace Alluxio.Runtime.Cluster;

/// <summary>
/// Chooses the silo for a new activation under one <see cref="PlacementStrategy"/>. Must be fast and side-effect
/// free; throws <see cref="SiloUnavailableException"/> when no compatible silo exists.
/// </summary>
public interface IPlacementDirector
{
    /// <summary>The silo for <paramref name="target"/>.</summary>
    SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context);
}
