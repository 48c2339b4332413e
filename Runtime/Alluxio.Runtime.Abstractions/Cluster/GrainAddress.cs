namespace Alluxio.Runtime.Cluster;

/// <summary>Where an activation lives: the grain, the silo and the activation's id.</summary>
public sealed record GrainAddress(GrainId GrainId, SiloAddress SiloAddress, Guid ActivationId);
