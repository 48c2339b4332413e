using Alluxio.Runtime.Activation;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Timers;

/// <summary>
/// A timer whose ticks are requests on its activation: by default a tick waits for running requests and blocks others
/// (Interleave = false). The next tick is scheduled only after the callback's task completes, so ticks never overlap;
/// a failing callback is logged and the timer goes on. Disposal stops further ticks; a running tick finishes.
/// </summary>
internal sealed class GrainTimer<TState> : GrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _lock = new();
    private TimeSpan _period;
    private TimeSpan? _dueAfterTick;
    private bool _tickRunning;

    public GrainTimer(ActivationData activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options, TimeProvider time, ILogger logger)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((GrainTimer<TState>)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override void Change(TimeSpan dueTime, TimeSpan period)
    {
        TimerRegistry.ValidatePeriod(dueTime, nameof(dueTime));
        TimerRegistry.ValidatePeriod(period, nameof(period));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _period = period;
            if (_tickRunning)
            {
                // Changed from inside a tick: the new due time starts when the tick ends.
                _dueAfterTick = dueTime;
            }
            else
            {
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _tickRunning = true;
        }

        var tick = new TimerTickRequest(this)
        {
            IsAlwaysInterleave = _options.Interleave,
            KeepAlive = _options.KeepAlive,
        };
        if (!_activation.TryEnqueue(tick))
        {
            DisposeForDeactivation();
        }
    }

    /// <summary>Runs the callback on the activation's turn.</summary>
    internal override Task InvokeAsync() => _disposed.IsCancellationRequested ? Task.CompletedTask : _callback(_state, _disposed.Token);

    /// <summary>Called on the turn after a tick finished.</summary>
    internal override void OnTickCompleted(Exception? error)
    {
        if (error is not null)
        {
            ActivationLog.TimerFailed(_logger, error, _activation.GrainId);
        }

        lock (_lock)
        {
            _tickRunning = false;
            var next = _dueAfterTick ?? _period;
            _dueAfterTick = null;
            if (!_disposed.IsCancellationRequested && next != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(next, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public override void Dispose()
    {
        DisposeForDeactivation();
        _activation.RemoveTimer(this);
    }

    public override void DisposeForDeactivation()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _timer.Dispose();
        }
    }
}
