namespace Alluxio.Runtime;

/// <summary>Creates timers bound to an activation; they stop when it deactivates.</summary>
public interface ITimerRegistry
{
    /// <summary>Registers a timer whose ticks run as turns of <paramref name="grainContext"/>.</summary>
    IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
