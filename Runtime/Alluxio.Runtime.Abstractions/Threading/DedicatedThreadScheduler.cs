using System.Collections.Concurrent;

namespace Alluxio.Runtime.Threading;

/// <summary>
/// Runs tasks on threads of its own, for long CPU- or IO-bound background work (a worker's block loads) that would
/// otherwise occupy the shared thread pool: on a small machine its few threads would all be busy with that work, and
/// every request would wait until the pool grows. Async methods started here resume here after their awaits, except
/// where a callee resumes elsewhere (<c>ConfigureAwait(false)</c>). The threads run at normal priority: a lower OS
/// priority would be inherited by every thread they start, thread-pool threads included. Disposing stops taking work;
/// queued tasks still run, then the threads end.
/// </summary>
public sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static DedicatedThreadScheduler? t_current;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    /// <summary>Starts <paramref name="threads"/> background threads named <paramref name="name"/>.</summary>
    public DedicatedThreadScheduler(string name, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = name }.Start();
        }
    }

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>Stops taking work; queued tasks still run.</summary>
    public void Dispose() => _queue.CompleteAdding();

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(t_current, this) && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        t_current = this;
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
