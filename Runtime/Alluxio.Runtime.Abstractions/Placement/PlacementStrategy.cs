namespace Alluxio.Runtime.Placement;

/// <summary>
/// How the silo for a new activation is chosen. Each strategy has a director registered in the runtime; strategies
/// are immutable and compared by value.
/// </summary>
public abstract record PlacementStrategy
{
    /// <summary>Whether activations are registered in the grain directory (false for stateless workers).</summary>
    public virtual bool IsUsingGrainDirectory => true;
}

/// <summary>A random compatible silo (the default when a class names none).</summary>
public sealed record RandomPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static RandomPlacement Singleton { get; } = new();
}

/// <summary>The compatible silo chosen by hashing the grain id, so every silo picks the same one.</summary>
public sealed record HashBasedPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static HashBasedPlacement Singleton { get; } = new();
}

/// <summary>The calling silo when it is compatible, otherwise a random compatible silo.</summary>
public sealed record PreferLocalPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static PreferLocalPlacement Singleton { get; } = new();
}

/// <summary>The compatible silo with the fewest activations (power of two choices).</summary>
public sealed record ActivationCountBasedPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static ActivationCountBasedPlacement Singleton { get; } = new();
}

/// <summary>A silo that has <see cref="Role"/> (for example metadata grains on "master" silos), hashed by grain id.</summary>
public sealed record SiloRoleBasedPlacement(string Role) : PlacementStrategy;

/// <summary>Always the local silo; several activations per id. Used by <see cref="StatelessWorkerAttribute"/>.</summary>
public sealed record StatelessWorkerPlacement(int MaxLocal) : PlacementStrategy
{
    /// <inheritdoc/>
    public override bool IsUsingGrainDirectory => false;
}
