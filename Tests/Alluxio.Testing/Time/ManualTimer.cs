namespace Alluxio.Testing.Time;

/// <summary>A timer of <see cref="ManualTimeProvider"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    private bool _disposed;

    internal long? DueTicks { get; set; }

    internal long? PeriodTicks { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }

        owner.Schedule(this, dueTime, period);
        return true;
    }

    internal void Fire()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        owner.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
