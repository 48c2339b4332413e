using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>The compatible silo chosen by the grain id's uniform hash: every silo with the same view picks the same one.</summary>
internal sealed class HashBasedPlacementDirector : IPlacementDirector
{
    public SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = PlacementGuard.Require(context.GetCompatibleSilos(target), target, "");
        return silos.OrderBy(s => s).ElementAt((int)(target.GrainId.GetUniformHashCode() % (uint)silos.Count));
    }
}
