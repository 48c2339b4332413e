namespace Alluxio.Runtime;

/// <summary>Registers grain timers from grain code.</summary>
public static class GrainTimerExtensions
{
    /// <summary>Registers a timer that calls <paramref name="callback"/> with <paramref name="state"/> on the grain's scheduler.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(callback);
        var registry = grain.GrainContext.GetComponent<ITimerRegistry>()
            ?? throw new InvalidOperationException("This activation has no timer registry.");
        return registry.RegisterGrainTimer(grain.GrainContext, callback, state, options);
    }

    /// <summary>Registers a timer that calls <paramref name="callback"/> on the grain's scheduler.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return grain.RegisterGrainTimer(static (cb, ct) => cb(ct), callback, options);
    }

    /// <summary>Registers a timer with a due time and a period.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));
}
