using Alluxio.Runtime.Invocation;

namespace Alluxio.Runtime.Activation;

/// <summary>What the catalog maps a grain id to: one activation, or a group of stateless-worker activations.</summary>
internal interface IActivationTarget
{
    /// <summary>Queues the request; false if the target is gone and the caller must look again.</summary>
    bool TryEnqueue(Request request);

    /// <summary>Asks every activation behind the target to deactivate; completes when they are gone.</summary>
    Task DeactivateAsync(DeactivationReason reason);

    /// <summary>Deactivates activations idle for longer than their collection age at <paramref name="nowTimestamp"/>.</summary>
    void CollectIfIdle(long nowTimestamp);

    /// <summary>Number of live activations behind the target.</summary>
    int ActivationCount { get; }
}
