using Alluxio.Runtime.Timers;

namespace Alluxio.Runtime.Activation;

/// <summary>The <see cref="IGrainContext"/> face of an <see cref="ActivationData"/>.</summary>
internal sealed partial class ActivationData : IGrainContext
{
    public GrainId GrainId { get; }

    public Guid ActivationId { get; } = Guid.NewGuid();

    public object? GrainInstance { get; private set; }

    public IServiceProvider ActivationServices => _shared.Services;

    public TComponent? GetComponent<TComponent>()
        where TComponent : class
    {
        if (typeof(TComponent) == typeof(ITimerRegistry))
        {
            return (TComponent)(object)_shared.TimerRegistry;
        }

        return this as TComponent ?? _shared.Services.GetService(typeof(TComponent)) as TComponent;
    }

    public IAddressable AsReference(Type interfaceType) => _shared.Factory.CreateReference(interfaceType, GrainId);
}
