using Alluxio.Grains.Exceptions;

namespace Alluxio.Client.Internal;

/// <summary>
/// Runs one client operation against the current master with Alluxio's retry rule: only an operation the caller
/// declared idempotent is sent again, only after <see cref="UnavailableException"/> (the master or its transport could
/// not be reached, or said it cannot serve now), with exponential backoff and jitter between
/// <see cref="FileSystemClientOptions.RetryBaseSleep"/> and <see cref="FileSystemClientOptions.RetryMaxSleep"/>, for
/// at most <see cref="FileSystemClientOptions.RetryMaxDuration"/>. Every Unavailable moves the client to the next master
/// of its list, idempotent or not, so the next call goes elsewhere. A non-idempotent operation (create, delete, rename,
/// complete, mount ...) is never repeated: it may have been applied before the connection broke, and repeating it could
/// apply it twice; the caller gets the <see cref="UnavailableException"/> and decides.
/// </summary>
internal sealed class Retrier(MasterChannels masters, FileSystemClientOptions options)
{
    /// <summary>Runs <paramref name="operation"/> (given the index of the master to use), retrying as described above.</summary>
    public async Task<T> RunAsync<T>(Func<int, Task<T>> operation, bool idempotent, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        for (var attempt = 0; ; attempt++)
        {
            var index = masters.CurrentIndex;
            try
            {
                return await operation(index);
            }
            catch (UnavailableException) when (TryAgain(index, idempotent, attempt, started, out var sleep))
            {
                await Task.Delay(sleep, cancellationToken);
            }
        }
    }

    /// <summary>
    /// After an Unavailable from master <paramref name="failedIndex"/>: fails over, and says whether to try again (only
    /// <paramref name="idempotent"/> operations, within the retry budget counted from <paramref name="started"/>, a
    /// <see cref="Environment.TickCount64"/>) and how long to sleep first: the backoff, cut to what is left of the budget.
    /// </summary>
    public bool TryAgain(int failedIndex, bool idempotent, int attempt, long started, out TimeSpan sleep)
    {
        masters.Failover(failedIndex);
        sleep = Backoff(attempt, options.RetryBaseSleep, options.RetryMaxSleep);
        var remaining = options.RetryMaxDuration - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
        if (!idempotent || remaining <= TimeSpan.Zero)
        {
            return false;
        }

        // The budget is used in full: a sleep that would pass its end is cut short and the last attempt made at the end,
        // rather than giving up early by however much the backoff's jitter happened to overshoot.
        if (sleep > remaining)
        {
            sleep = remaining;
        }

        return true;
    }

    /// <summary>Fails over from master <paramref name="index"/> if <paramref name="e"/> says it is unavailable.</summary>
    public void FailoverOn(Grpc.RpcException e, int index)
    {
        if (e.StatusCode == Grpc.StatusCode.Unavailable)
        {
            masters.Failover(index);
        }
    }

    /// <summary>base × 2^attempt, capped at max, then a random 50-100 % of it (so clients retrying together spread out).</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseSleep, TimeSpan maxSleep)
    {
        var exponential = baseSleep.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, maxSleep.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
