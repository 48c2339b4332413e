namespace Alluxio.Runtime;

/// <summary>
/// The runtime side of one activation: its identity, services and lifecycle. Members are called from the
/// activation's own turns unless stated otherwise.
/// </summary>
public interface IGrainContext
{
    /// <summary>The grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>A unique id for this activation (a re-activation of the same grain gets a new one).</summary>
    Guid ActivationId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>Services for this activation (the silo's container).</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>
    /// Asks for this activation to be deactivated once its running requests finish. Safe to call from any thread.
    /// </summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keeps an idle activation from being collected for at least <paramref name="timeSpan"/>.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>A runtime component attached to this activation (for example the timer registry), or null.</summary>
    TComponent? GetComponent<TComponent>()
        where TComponent : class;

    /// <summary>A reference to this grain through <paramref name="interfaceType"/>.</summary>
    IAddressable AsReference(Type interfaceType);
}
