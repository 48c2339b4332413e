using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Alluxio.Runtime.Threading;

/// <summary>
/// Runs tasks on threads of its own at a lower operating-system priority (a higher Linux nice value), for background
/// work that must yield to requests: it never occupies the shared thread pool (whose few threads on a small machine
/// would otherwise all be busy with it, delaying every request until the pool grows), and the kernel runs it only on
/// CPU time nothing else wants. Async methods started here resume here after their awaits, except where a callee
/// resumes elsewhere (<c>ConfigureAwait(false)</c>). Lowering the priority is best effort: where the OS refuses, the
/// threads run at normal priority. Disposing stops taking work and lets the threads end when the queue is empty.
/// </summary>
public sealed partial class BackgroundTaskScheduler : TaskScheduler, IDisposable
{
    private const int Which = 0; // PRIO_PROCESS: on Linux, with a thread id, that one thread

    [ThreadStatic]
    private static BackgroundTaskScheduler? t_current;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    /// <summary>Starts <paramref name="threads"/> threads named <paramref name="name"/> at nice <paramref name="niceness"/> (0-19).</summary>
    public BackgroundTaskScheduler(string name, int threads, int niceness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(niceness);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(niceness, 19);
        _threads = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(() => Run(niceness)) { IsBackground = true, Name = name }.Start();
        }
    }

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>Whether the priority of this scheduler's threads could be lowered (known once a task has run).</summary>
    public bool? Lowered { get; private set; }

    /// <summary>Stops taking work; queued tasks still run.</summary>
    public void Dispose() => _queue.CompleteAdding();

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(t_current, this) && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run(int niceness)
    {
        t_current = this;
        var lowered = OperatingSystem.IsLinux() && SetPriority(Which, GetTid(), niceness) == 0;
        Lowered = Lowered is null ? lowered : Lowered & lowered;
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
