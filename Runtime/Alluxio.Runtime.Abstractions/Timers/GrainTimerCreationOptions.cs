namespace Alluxio.Runtime;

/// <summary>Options of <see cref="GrainTimerExtensions.RegisterGrainTimer{TState}(IGrainBase, Func{TState, CancellationToken, Task}, TState, GrainTimerCreationOptions)"/>.</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Creates options with a due time and a period.</summary>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Delay before the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>
    /// Time between the end of one tick and the start of the next (ticks never overlap);
    /// <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.
    /// </summary>
    public TimeSpan Period { get; init; }

    /// <summary>
    /// False (default): a tick is a turn like a request, waiting for running requests and blocking others.
    /// True: ticks interleave with requests.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity that keeps the activation from idle collection (default false).</summary>
    public bool KeepAlive { get; init; }
}
