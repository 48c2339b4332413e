namespace Alluxio.Runtime.Activation;

/// <summary>Something attached to an activation that must run before the grain's OnActivateAsync (persistent state: read it).</summary>
internal interface IActivationLifecycleParticipant
{
    Task OnActivateAsync(CancellationToken cancellationToken);
}
