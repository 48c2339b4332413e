namespace Alluxio.Runtime;

/// <summary>
/// A grain class. Derive from <see cref="Grain"/>, or implement this interface directly ("POCO grain") and take an
/// <see cref="IGrainContext"/> in the constructor.
/// </summary>
public interface IGrainBase
{
    /// <summary>The activation this instance belongs to.</summary>
    IGrainContext GrainContext { get; }

    /// <summary>
    /// Called once, before the first request, after persistent state has been read. A throw fails the activation and
    /// every request waiting for it.
    /// </summary>
    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called once when the activation is deactivated, after its running requests finished. The token fires when the
    /// deactivation timeout elapses.
    /// </summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
