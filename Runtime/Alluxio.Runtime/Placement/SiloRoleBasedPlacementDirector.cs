using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>A silo with the strategy's role, chosen by the grain id's hash so the choice is stable.</summary>
internal sealed class SiloRoleBasedPlacementDirector : IPlacementDirector
{
    public SiloAddress OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var role = ((SiloRoleBasedPlacement)strategy).Role;
        var silos = PlacementGuard.Require(context.GetSilosWithRole(role), target, $"with role '{role}'");
        return silos.OrderBy(s => s).ElementAt((int)(target.GrainId.GetUniformHashCode() % (uint)silos.Count));
    }
}
