using Alluxio.Runtime.Activation;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Timers;

/// <summary>Creates grain timers; they belong to their activation and are disposed when it deactivates.</summary>
internal sealed class TimerRegistry(TimeProvider time, ILogger<TimerRegistry> logger) : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        if (grainContext is not ActivationData activation)
        {
            throw new ArgumentException("Grain timers can only be registered by grain activations of this runtime.", nameof(grainContext));
        }

        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        var timer = new GrainTimer<TState>(activation, callback, state, options, time, logger);
        activation.AddTimer(timer);
        timer.Change(options.DueTime, options.Period);
        return timer;
    }

    internal static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }
    }
}
