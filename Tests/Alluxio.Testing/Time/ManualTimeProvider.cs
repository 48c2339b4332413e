namespace Alluxio.Testing.Time;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>. Timers (including those behind
/// <c>CancellationTokenSource(TimeSpan, TimeProvider)</c> and <c>Task.Delay(TimeSpan, TimeProvider)</c>) fire in due
/// order, synchronously, on the thread that advances the clock.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _elapsedTicks;

    /// <summary>Starts the clock at <paramref name="start"/> (default 2026-01-01 UTC).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsedTicks;
        }
    }

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers currently scheduled.</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueTicks is not null);
            }
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_lock)
        {
            target = _elapsedTicks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.DueTicks is { } due && due <= target).MinBy(t => t.DueTicks);
                if (next is null)
                {
                    _now += TimeSpan.FromTicks(target - _elapsedTicks);
                    _elapsedTicks = target;
                    return;
                }

                var at = next.DueTicks!.Value;
                if (at > _elapsedTicks)
                {
                    _now += TimeSpan.FromTicks(at - _elapsedTicks);
                    _elapsedTicks = at;
                }

                next.DueTicks = next.PeriodTicks is { } period ? _elapsedTicks + Math.Max(period, 1) : null;
            }

            next.Fire();
        }
    }

    internal void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            timer.DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : _elapsedTicks + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
        }
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }
}
