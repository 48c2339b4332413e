namespace Alluxio.Runtime.Cluster;

/// <summary>What a placement director may know about the cluster.</summary>
public interface IPlacementContext
{
    /// <summary>The silo making the decision.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>Active silos able to host <paramref name="target"/>, in a stable order.</summary>
    IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target);

    /// <summary>Active silos that have <paramref name="role"/>, in a stable order.</summary>
    IReadOnlyList<SiloAddress> GetSilosWithRole(string role);

    /// <summary>The number of activations a silo reported (0 when unknown).</summary>
    int GetActivationCount(SiloAddress silo);
}
