namespace Alluxio.Grpc.Client;

/// <summary>
/// The token a call runs under: the caller's token plus the deadline timer. Allocates nothing when the call has
/// neither (the common unary case), so cheap calls stay cheap.
/// </summary>
internal struct CallTokens : IDisposable
{
    // CancellationTokenSource cannot schedule further than this.
    private static readonly TimeSpan s_maxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private CancellationTokenSource? _cts;
    private DeadlineTimer? _deadlineTimer;
    private CancellationTokenRegistration _callerRegistration;

    public CancellationToken Token { get; private set; }

    public CancellationToken CallerToken { get; private set; }

    /// <summary>The deadline in UTC, or null.</summary>
    public DateTime? Deadline { get; private set; }

    /// <summary>Time left at the start, for <c>grpc-timeout</c>; null without a deadline.</summary>
    public TimeSpan? Timeout { get; private set; }

    public readonly CancellationTokenSource? Source => _cts;

    /// <summary>Creates the call's token. <paramref name="alwaysCancellable"/> makes a source even without a deadline (streaming calls cancel on Dispose).</summary>
    public static CallTokens Create(in CallOptions options, TimeProvider time, bool alwaysCancellable)
    {
        var tokens = new CallTokens { CallerToken = options.CancellationToken, Token = options.CancellationToken };
        var deadline = options.Deadline;
        if (deadline is { } d && d != DateTime.MaxValue)
        {
            var utc = d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d;
            tokens.Deadline = utc;
            var remaining = utc - time.GetUtcNow().UtcDateTime;
            tokens.Timeout = remaining;
            tokens._cts = new CancellationTokenSource();
            if (remaining < s_maxTimer)
                tokens._deadlineTimer = new DeadlineTimer(tokens._cts, remaining, time);
        }
        else if (alwaysCancellable)
        {
            tokens._cts = new CancellationTokenSource();
        }

        if (tokens._cts is not null)
        {
            if (options.CancellationToken.CanBeCanceled)
            {
                tokens._callerRegistration = options.CancellationToken.UnsafeRegister(
                    static s => ((CancellationTokenSource)s!).Cancel(), tokens._cts);
            }

            tokens.Token = tokens._cts.Token;
        }

        return tokens;
    }

    /// <summary>True when the deadline timer has fired or the deadline has passed by <paramref name="time"/>'s clock.</summary>
    public readonly bool DeadlinePassed(TimeProvider time) =>
        _deadlineTimer is { Fired: true } || (Deadline is { } d && time.GetUtcNow().UtcDateTime >= d);

    public readonly void Cancel()
    {
        try
        {
            _cts?.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _deadlineTimer?.Dispose();
        _cts?.Dispose();
    }

    /// <summary>
    /// Cancels the call when the deadline comes, remembering that it did: timers may fire a little before the wall
    /// clock reaches the deadline, and a cancellation by Dispose must not be mistaken for the deadline.
    /// </summary>
    private sealed class DeadlineTimer : IDisposable
    {
        private readonly CancellationTokenSource _cts;
        private readonly ITimer _timer;
        private volatile bool _fired;

        public DeadlineTimer(CancellationTokenSource cts, TimeSpan remaining, TimeProvider time)
        {
            _cts = cts;
            if (remaining <= TimeSpan.Zero)
            {
                _fired = true;
                cts.Cancel();
            }

            _timer = time.CreateTimer(static s => ((DeadlineTimer)s!).Fire(), this,
                remaining <= TimeSpan.Zero ? System.Threading.Timeout.InfiniteTimeSpan : remaining, System.Threading.Timeout.InfiniteTimeSpan);
        }

        public bool Fired => _fired;

        public void Dispose() => _timer.Dispose();

        private void Fire()
        {
            _fired = true;
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
