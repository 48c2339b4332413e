namespace Alluxio.Runtime;

/// <summary>A grain timer. Disposing it stops further ticks; a tick that is running finishes.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick happens and the period after it (<see cref="Timeout.InfiniteTimeSpan"/> = once).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
