using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.Storage;

namespace Alluxio.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its queue and its scheduler. The activation is its own
/// <see cref="SynchronizationContext"/>, so every await in grain code resumes here, and its own thread-pool work
/// item, so at most one thread runs its turns at a time.
/// </summary>
/// <remarks>
/// Invariants:
/// <list type="number">
/// <item>At most one thread executes the activation (the <c>_scheduled</c> flag, set and cleared under <c>_lock</c>).</item>
/// <item>Fields marked "turn-only" are touched only by that thread, so they need no lock.</item>
/// <item>A request is admitted only when the activation is Valid, no activation/deactivation step is running, no
/// deactivation is pending, and the reentrancy rules allow it: non-reentrant grains run one request at a time; read-only
/// requests share with read-only ones; always-interleave requests and reentrant grains run alongside others.</item>
/// <item>Once Invalid, the activation accepts no request; requests still queued are handed back to the catalog.</item>
/// </list>
/// Lock hierarchy: <c>_lock</c> is a leaf. No grain code, callback or other lock runs while it is held.
/// </remarks>
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem, IActivationTarget
{
    private readonly object _lock = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly Queue<Request> _pending = new();
    private readonly Queue<Request> _interleaving = new();
    private readonly ActivationShared _shared;
    private readonly Catalog _catalog;
    private readonly int _maxItemsPerBatch;

    // Guarded by _lock.
    private bool _scheduled;
    private ActivationState _state;
    private DeactivationReason? _deactivationReason;

    // Turn-only.
    private int _running;
    private int _runningWriters;
    private bool _systemOperation;

    private volatile int _executingThread;
    private long _lastActivity;
    private long _keepAliveUntil;
    private int _load;
    private int _keepAliveLoad;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, ActivationShared shared, Catalog catalog)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        _shared = shared;
        _catalog = catalog;
        _maxItemsPerBatch = shared.Messaging.MaxItemsPerTurnBatch;
        _lastActivity = shared.Time.GetTimestamp();
    }

    public GrainClassInfo ClassInfo { get; }

    /// <summary>Queued plus running requests (read without a lock; for load balancing only).</summary>
    public int Load => Volatile.Read(ref _load);

    public int ActivationCount => State == ActivationState.Invalid ? 0 : 1;

    public bool IsRunningOnCurrentThread => _executingThread == Environment.CurrentManagedThreadId;

    internal ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public bool TryEnqueue(Request request)
    {
        bool schedule;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            if (request.IsAlwaysInterleave)
            {
                _interleaving.Enqueue(request);
            }
            else
            {
                _pending.Enqueue(request);
            }

            if (_state == ActivationState.Creating)
            {
                _state = ActivationState.Activating;
                _work.Enqueue((static s => ((ActivationData)s!).StartActivation(), this));
            }

            if (request.KeepAlive)
            {
                _lastActivity = _shared.Time.GetTimestamp();
            }

            schedule = !_scheduled;
            _scheduled = true;
        }

        Interlocked.Increment(ref _load);
        if (request.KeepAlive)
        {
            Interlocked.Increment(ref _keepAliveLoad);
        }

        if (schedule)
        {
            // Local queue: the activation usually runs next on this thread, while the caller's data is in cache
            // (what .NET does for task continuations). Fairness comes from the batch limit below, which requeues
            // globally.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return true;
    }

    /// <summary>Queues a continuation or system step on this activation's turn. Accepted in every state.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            _work.Enqueue((d, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!IsRunningOnCurrentThread)
        {
            throw new NotSupportedException("Synchronous Send to a grain's scheduler from another thread would block a turn; use Post.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued work until the queue is empty or the batch limit is reached.</summary>
    public void Execute()
    {
        var previousSync = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(this);
        var previousGrain = RuntimeContext.SetCurrent(this);
        _executingThread = Environment.CurrentManagedThreadId;
        var requeue = false;
        try
        {
            for (var i = 0; i < _maxItemsPerBatch; i++)
            {
                (SendOrPostCallback Callback, object? State) work = default;
                Request? request = null;
                DeactivationReason? deactivate = null;
                lock (_lock)
                {
                    if (_work.Count > 0)
                    {
                        work = _work.Dequeue();
                    }
                    else if (ShouldStartDeactivation())
                    {
                        deactivate = _deactivationReason;
                        _state = ActivationState.Deactivating;
                    }
                    else if (!TryAdmit(out request))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                if (work.Callback is not null)
                {
                    RunWorkItem(work.Callback, work.State);
                }
                else if (deactivate is { } reason)
                {
                    StartDeactivation(reason);
                }
                else
                {
                    StartRequest(request!);
                }
            }

            requeue = true;
        }
        finally
        {
            _executingThread = 0;
            RuntimeContext.SetCurrent(previousGrain);
            SynchronizationContext.SetSynchronizationContext(previousSync);
        }

        if (requeue)
        {
            // Batch limit reached: give the thread to other activations and come back (still scheduled). Queued only
            // after this thread has let go of the activation, so two threads never run it at once.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void RunWorkItem(SendOrPostCallback callback, object? state)
    {
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            // An exception escaping a continuation has no awaiter to go to (async void in grain code).
            LogUnhandled(e);
        }
    }

    private void StartRequest(Request request)
    {
        _running++;
        if (!request.IsReadOnly)
        {
            _runningWriters++;
        }

        try
        {
            request.Start(this);
        }
        catch (Exception e)
        {
            LogUnhandled(e);
        }
    }

    /// <summary>Called exactly once per admitted request, on this activation's turn.</summary>
    public void OnRequestCompleted(Request request, Exception? error)
    {
        _running--;
        if (!request.IsReadOnly)
        {
            _runningWriters--;
        }

        Interlocked.Decrement(ref _load);
        if (request.KeepAlive)
        {
            Interlocked.Decrement(ref _keepAliveLoad);
        }

        if (error is InconsistentStateException || error?.InnerException is InconsistentStateException)
        {
            Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Stored state changed underneath the activation (ETag conflict).", error));
        }
    }

    private bool ShouldStartDeactivation() =>
        _deactivationReason is not null && _state == ActivationState.Valid && _running == 0 && !_systemOperation;

    // Under _lock, on the turn.
    private bool TryAdmit(out Request? request)
    {
        request = null;
        if (_state != ActivationState.Valid || _systemOperation || _deactivationReason is not null)
        {
            return false;
        }

        if (_interleaving.Count > 0)
        {
            request = _interleaving.Dequeue();
            return true;
        }

        if (_pending.Count == 0)
        {
            return false;
        }

        var head = _pending.Peek();
        if (_running == 0 || ClassInfo.IsReentrant || (head.IsReadOnly && _runningWriters == 0))
        {
            request = _pending.Dequeue();
            return true;
        }

        return false;
    }

    public override string ToString() => $"[Activation {GrainId} {ActivationId:N}]";
}
