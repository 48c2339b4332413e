using System.Runtime.CompilerServices;
using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Copying;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.References;

namespace Alluxio.Runtime.Invocation;

/// <summary>
/// A call of a grain method. The caller's task completes exactly once (guarded by <c>_callerDone</c>): with the
/// (copied) result, the grain's exception, <see cref="TimeoutException"/> at the deadline, or cancellation when the
/// caller's token fires. A call whose caller already gave up before it was admitted is not run. When the method takes
/// a CancellationToken, the grain gets a token that fires on the caller's cancellation and on timeout. Kept small: it
/// is allocated for every call.
/// </summary>
internal sealed class GrainCallRequest<TResult> : Request
{
    private readonly GrainCallDispatcher _dispatcher;
    private readonly GrainMethod<TResult> _method;
    private readonly object?[] _args;
    private readonly GrainProxy _target;
    private AsyncTaskMethodBuilder<TResult> _caller;
    private CallCancellation? _cancellation;
    private ActivationData? _activation;
    private ValueTask<TResult> _running;
    private int _callerDone;
    private int _finished;

    public GrainCallRequest(GrainCallDispatcher dispatcher, GrainMethod<TResult> method, object?[] args, GrainProxy target)
    {
        _dispatcher = dispatcher;
        _method = method;
        _args = args;
        _target = target;
        IsAlwaysInterleave = method.IsAlwaysInterleave;
        IsReadOnly = method.IsReadOnly;
        _caller = AsyncTaskMethodBuilder<TResult>.Create();
        _ = _caller.Task; // Materialise the task before any thread can complete it.
    }

    public Task<TResult> Task => _caller.Task;

    public GrainId Target => _target.GrainId;

    /// <summary>Links the caller's token (if the method takes one). Returns false if it is already cancelled.</summary>
    public bool SetUpCancellation()
    {
        var index = _method.CancellationTokenIndex;
        if (index < 0)
        {
            return true;
        }

        var callerToken = (CancellationToken)_args[index]!;
        if (callerToken.IsCancellationRequested)
        {
            _callerDone = 1;
            _caller.SetException(new OperationCanceledException(callerToken));
            return false;
        }

        var cancellation = _cancellation = new CallCancellation(new CancellationTokenSource());
        _args[index] = cancellation.GrainSide.Token;
        if (callerToken.CanBeCanceled)
        {
            cancellation.CallerRegistration = callerToken.UnsafeRegister(static (s, token) => ((GrainCallRequest<TResult>)s!).OnCallerCancelled(token), this);
        }

        return true;
    }

    public override void Start(ActivationData activation)
    {
        _activation = activation;
        if (Volatile.Read(ref _callerDone) != 0)
        {
            // The caller timed out or cancelled while the call was queued: do not run it.
            Finish(default!, null);
            return;
        }

        ValueTask<TResult> pending;
        try
        {
            pending = _method.Invoker(activation.GrainInstance!, _args);
        }
        catch (Exception e)
        {
            Finish(default!, e);
            return;
        }

        if (pending.IsCompleted)
        {
            Complete(pending);
            return;
        }

        _running = pending;
        pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnGrainTaskCompleted);
    }

    private void OnGrainTaskCompleted()
    {
        var activation = _activation!;
        if (activation.IsRunningOnCurrentThread)
        {
            Complete(_running);
        }
        else
        {
            // The grain escaped its scheduler (ConfigureAwait(false)); finish on the activation's turn.
            activation.Post(static s => { var r = (GrainCallRequest<TResult>)s!; r.Complete(r._running); }, this);
        }
    }

    private void Complete(ValueTask<TResult> completed)
    {
        TResult result;
        try
        {
            result = completed.Result;
        }
        catch (Exception e)
        {
            Finish(default!, e);
            return;
        }

        Finish(result, null);
    }

    private void Finish(TResult result, Exception? error)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        _activation!.OnRequestCompleted(this, error);
        _dispatcher.Timeouts.Unregister(this);
        _cancellation?.Release();
        if (Interlocked.Exchange(ref _callerDone, 1) != 0)
        {
            return;
        }

        if (error is null)
        {
            try
            {
                result = DeepCopier.Copy(result);
            }
            catch (Exception e)
            {
                error = e;
            }
        }

        using var _ = CallerCompletion.Leave();
        if (error is null)
        {
            _caller.SetResult(result);
        }
        else
        {
            _caller.SetException(error);
        }
    }

    public override void Reject(Exception reason)
    {
        _dispatcher.Timeouts.Unregister(this);
        _cancellation?.Release();
        if (Interlocked.Exchange(ref _callerDone, 1) == 0)
        {
            using var _ = CallerCompletion.Leave();
            _caller.SetException(reason);
        }
    }

    public override void OnTimeout()
    {
        if (Interlocked.Exchange(ref _callerDone, 1) != 0)
        {
            return;
        }

        _cancellation?.CancelGrain();
        _caller.SetException(new TimeoutException(
            $"Response did not arrive on time in {_dispatcher.TimeoutOf(_method)} for the call {_method.DisplayName} to {_target.GrainId}."));
    }

    private void OnCallerCancelled(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _callerDone, 1) != 0)
        {
            return;
        }

        _dispatcher.Timeouts.Unregister(this);
        _cancellation?.CancelGrain();
        _caller.SetException(new OperationCanceledException(token));
    }

    public override string ToString() => $"{_method.DisplayName} on {_target.GrainId}";
}
