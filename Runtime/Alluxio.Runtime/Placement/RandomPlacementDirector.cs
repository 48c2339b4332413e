using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>A random compatible silo.</summary>
internal sealed class RandomPlacementDirector : IPlacementDirector
{
    public SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = PlacementGuard.Require(context.GetCompatibleSilos(target), target, "");
        return silos.Count == 1 ? silos[0] : silos[Random.Shared.Next(silos.Count)];
    }
}
