using Alluxio.Runtime.Cluster;

namespace Alluxio.Runtime.Activation;

/// <summary>The directory already holds another activation of the grain; this one must go away.</summary>
internal sealed class DuplicateActivationException(GrainId grainId, GrainAddress winner)
    : OrleansException($"{grainId} is already active as {winner.ActivationId:N} on {winner.SiloAddress}.")
{
    public GrainAddress Winner { get; } = winner;
}
