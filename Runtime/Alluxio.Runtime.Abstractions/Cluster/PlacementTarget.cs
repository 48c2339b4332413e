namespace Alluxio.Runtime.Cluster;

/// <summary>The grain being placed and the interface it was called through.</summary>
public readonly record struct PlacementTarget(GrainId GrainId, Type InterfaceType);
