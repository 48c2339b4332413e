using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>The less loaded of two random compatible silos ("power of two choices").</summary>
internal sealed class ActivationCountPlacementDirector : IPlacementDirector
{
    public SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = PlacementGuard.Require(context.GetCompatibleSilos(target), target, "");
        if (silos.Count == 1)
        {
            return silos[0];
        }

        var a = silos[Random.Shared.Next(silos.Count)];
        var b = silos[Random.Shared.Next(silos.Count)];
        return context.GetActivationCount(a) <= context.GetActivationCount(b) ? a : b;
    }
}
