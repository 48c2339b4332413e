using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Placement;

/// <summary>The placement directors' view of the cluster, from the silo status oracle.</summary>
internal sealed class PlacementContext(ISiloStatusOracle oracle) : IPlacementContext
{
    public SiloAddress LocalSilo => oracle.LocalSilo;

    public IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target) => oracle.ActiveSilos.Select(s => s.Silo).ToList();

    public IReadOnlyList<SiloAddress> GetSilosWithRole(string role) =>
        oracle.ActiveSilos.Where(s => s.Roles.Contains(role, StringComparer.OrdinalIgnoreCase)).Select(s => s.Silo).ToList();

    public int GetActivationCount(SiloAddress silo) => 0;
}
