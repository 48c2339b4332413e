namespace Alluxio.Runtime.Placement;

/// <summary>Base of the placement attributes on grain classes.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute(PlacementStrategy strategy) : Attribute
{
    /// <summary>The strategy.</summary>
    public PlacementStrategy PlacementStrategy { get; } = strategy;
}

/// <summary>Place new activations on a random compatible silo.</summary>
public sealed class RandomPlacementAttribute() : PlacementAttribute(RandomPlacement.Singleton);

/// <summary>Place new activations on the silo chosen by hashing the grain id.</summary>
public sealed class HashBasedPlacementAttribute() : PlacementAttribute(HashBasedPlacement.Singleton);

/// <summary>Place new activations on the calling silo when possible.</summary>
public sealed class PreferLocalPlacementAttribute() : PlacementAttribute(PreferLocalPlacement.Singleton);

/// <summary>Place new activations on the least loaded compatible silo.</summary>
public sealed class ActivationCountBasedPlacementAttribute() : PlacementAttribute(ActivationCountBasedPlacement.Singleton);

/// <summary>Place new activations only on silos that have the given role.</summary>
public sealed class SiloRoleBasedPlacementAttribute(string role) : PlacementAttribute(new SiloRoleBasedPlacement(role));
