namespace Alluxio.Runtime;

/// <summary>
/// Base class for grains. An instance serves one activation; its methods run one turn at a time on the activation's
/// scheduler (see <see cref="ReentrantAttribute"/> for interleaving).
/// </summary>
public abstract class Grain : IGrainBase, IAddressable
{
    /// <summary>Creates a grain bound to the activation under construction.</summary>
    protected Grain()
    {
        GrainContext = RuntimeContext.Current
            ?? throw new InvalidOperationException(
                $"{GetType().Name} was constructed outside the grain runtime. Grains are created by the runtime on first call; get a reference with IGrainFactory.GetGrain.");
    }

    /// <summary>Creates a grain bound to <paramref name="grainContext"/>.</summary>
    protected Grain(IGrainContext grainContext)
    {
        GrainContext = grainContext ?? throw new ArgumentNullException(nameof(grainContext));
    }

    /// <inheritdoc/>
    public IGrainContext GrainContext { get; }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>"type/key", for logs.</summary>
    public string IdentityString => GrainContext.GrainId.ToString();

    /// <summary>The silo's grain factory.</summary>
    protected IGrainFactory GrainFactory =>
        (IGrainFactory?)GrainContext.ActivationServices.GetService(typeof(IGrainFactory))
        ?? throw new InvalidOperationException("No IGrainFactory is registered.");

    /// <summary>Services of the silo.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    /// <inheritdoc/>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request finishes.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);
}
