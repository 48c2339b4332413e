using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>The local silo when compatible, otherwise a random compatible one.</summary>
internal sealed class PreferLocalPlacementDirector : IPlacementDirector
{
    public SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = PlacementGuard.Require(context.GetCompatibleSilos(target), target, "");
        return silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[Random.Shared.Next(silos.Count)];
    }
}
