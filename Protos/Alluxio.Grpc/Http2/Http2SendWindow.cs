namespace Alluxio.Grpc.Http2;

/// <summary>
/// The credit a sender has on one flow-control window (a stream's or the connection's, RFC 9113 section 5.2): taken
/// before DATA is sent, given back by the peer's WINDOW_UPDATE, moved by a change of SETTINGS_INITIAL_WINDOW_SIZE
/// (it may go negative then). Waiters are served in order; a closed window fails them.
/// </summary>
public sealed class Http2SendWindow
{
    private readonly object _gate = new();
    private readonly Queue<Waiter> _waiters = new();
    private long _available;
    private Exception? _closed;

    public Http2SendWindow(int initial) => _available = initial;

    /// <summary>Takes between 1 and <paramref name="wanted"/> bytes of credit, waiting while there is none.</summary>
    public ValueTask<int> TakeAsync(int wanted, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted);
        Waiter waiter;
        lock (_gate)
        {
            if (_closed is not null)
                return ValueTask.FromException<int>(_closed);
            while (_waiters.Count > 0 && _waiters.Peek().Completion.Task.IsCompleted)
                _waiters.Dequeue(); // cancelled
            if (_available > 0 && _waiters.Count == 0)
            {
                var granted = (int)Math.Min(wanted, _available);
                _available -= granted;
                return ValueTask.FromResult(granted);
            }

            waiter = new Waiter(wanted);
            _waiters.Enqueue(waiter);
        }

        if (cancellationToken.CanBeCanceled)
            waiter.Registration = cancellationToken.UnsafeRegister(static (s, token) => ((Waiter)s!).Completion.TrySetCanceled(token), waiter);
        return new ValueTask<int>(waiter.Completion.Task);
    }

    /// <summary>Gives back credit that was taken and not used.</summary>
    public void Return(int bytes) => Add(bytes, checkOverflow: false);

    /// <summary>Adds credit (WINDOW_UPDATE, or a settings change when negative).</summary>
    /// <exception cref="Http2Exception">The window would pass 2^31 - 1 (FLOW_CONTROL_ERROR).</exception>
    public void Add(long delta, bool checkOverflow = true)
    {
        lock (_gate)
        {
            if (checkOverflow && _available + delta > Http2Settings.MaxWindowSize)
                throw new Http2Exception(Http2ErrorCode.FlowControlError, $"A WINDOW_UPDATE takes a window past 2^31 - 1 ({_available} + {delta}).");
            _available += delta;
            while (_available > 0 && _waiters.Count > 0)
            {
                var waiter = _waiters.Dequeue();
                if (waiter.Completion.Task.IsCompleted)
                    continue; // cancelled
                var granted = (int)Math.Min(waiter.Wanted, _available);
                if (waiter.Completion.TrySetResult(granted))
                {
                    _available -= granted;
                    waiter.Registration.Dispose();
                }
            }
        }
    }

    /// <summary>Fails every waiter and every later take with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        lock (_gate)
        {
            _closed ??= reason;
            while (_waiters.Count > 0)
                _waiters.Dequeue().Completion.TrySetException(reason);
        }
    }

    private sealed class Waiter(int wanted)
    {
        public int Wanted { get; } = wanted;

        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
