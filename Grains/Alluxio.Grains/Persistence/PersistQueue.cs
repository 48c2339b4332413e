namespace Alluxio.Grains.Persistence;

/// <summary>
/// The files waiting for ASYNC_THROUGH persistence, in memory. It is durable because it is derived: a file is in it
/// exactly while its journaled state is TO_BE_PERSISTED, and the persister rebuilds it from the store at start. Each
/// entry carries its retry schedule (exponential backoff) and last error. Thread-safe.
/// </summary>
public sealed class PersistQueue(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, PendingPersist> _pending = [];
    private readonly HashSet<long> _running = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Adds a file (or moves its next attempt earlier) to be tried after <paramref name="delay"/>.</summary>
    public void Enqueue(long fileId, TimeSpan delay)
    {
        var at = time.GetUtcNow() + delay;
        lock (_lock)
        {
            _pending[fileId] = _pending.TryGetValue(fileId, out var old)
                ? old with { NextAttempt = at < old.NextAttempt ? at : old.NextAttempt }
                : new PendingPersist(fileId, 0, at, null);
            Signal();
        }
    }

    /// <summary>Takes the due files not already running (at most <paramref name="max"/>); also when the next one is due.</summary>
    public (List<long> Due, DateTimeOffset? Next) TakeDue(int max)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var due = _pending.Values.Where(p => p.NextAttempt <= now && !_running.Contains(p.FileId)).OrderBy(p => p.NextAttempt).Take(max).Select(p => p.FileId).ToList();
            _running.UnionWith(due);
            var waiting = _pending.Values.Where(p => !_running.Contains(p.FileId)).Select(p => (DateTimeOffset?)p.NextAttempt).Min();
            return (due, waiting);
        }
    }

    /// <summary>A task that completes at the next change (an enqueue or a finished attempt).</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>The file is persisted (or needs nothing more): it leaves the queue.</summary>
    public void Done(long fileId)
    {
        lock (_lock)
        {
            _pending.Remove(fileId);
            _running.Remove(fileId);
            Signal();
        }
    }

    /// <summary>An attempt failed: the next one waits twice as long as the last (from <paramref name="first"/> up to <paramref name="max"/>).</summary>
    public PendingPersist? Failed(long fileId, string error, TimeSpan first, TimeSpan max)
    {
        lock (_lock)
        {
            _running.Remove(fileId);
            if (!_pending.TryGetValue(fileId, out var old))
            {
                return null;
            }

            var attempts = old.Attempts + 1;
            var delay = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Min(attempts - 1, 30))));
            var next = old with { Attempts = attempts, NextAttempt = time.GetUtcNow() + delay, LastError = error };
            _pending[fileId] = next;
            Signal();
            return next;
        }
    }

    /// <summary>The waiting files, soonest first.</summary>
    public IReadOnlyList<PendingPersist> Snapshot()
    {
        lock (_lock)
        {
            return [.. _pending.Values.OrderBy(p => p.NextAttempt)];
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
