using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Copying;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;

namespace Alluxio.Runtime.Invocation;

/// <summary>
/// One round trip of a streamed (IAsyncEnumerable) result: the first one invokes the grain method and opens its
/// enumerator on the activation; each one then moves up to the batch size of items, stopping early rather than
/// waiting when it already has items and the next one is not ready. Runs under the method's turn rules.
/// </summary>
internal sealed class EnumerationRequest<T> : Request
{
    private readonly GrainCallDispatcher _dispatcher;
    private readonly AsyncEnumerableGrainMethod<T> _method;
    private readonly object?[]? _args;
    private readonly TaskCompletionSource<EnumerationBatch<T>> _caller = new();
    private ActivationData? _activation;
    private int _done;

    private EnumerationRequest(GrainCallDispatcher dispatcher, AsyncEnumerableGrainMethod<T> method, object?[]? args, Guid enumeratorId)
    {
        _dispatcher = dispatcher;
        _method = method;
        _args = args;
        EnumeratorId = enumeratorId;
        IsReadOnly = method.IsReadOnly;
        IsAlwaysInterleave = method.IsAlwaysInterleave;
    }

    public Guid EnumeratorId { get; }

    public Task<EnumerationBatch<T>> Task => _caller.Task;

    /// <summary>The activation that served the request (the one to send the next batch request to).</summary>
    public ActivationData? Activation => _activation;

    public override bool FollowsGrain => _args is not null;

    public static EnumerationRequest<T> First(GrainCallDispatcher dispatcher, AsyncEnumerableGrainMethod<T> method, object?[] args) =>
        new(dispatcher, method, args, Guid.NewGuid());

    public static EnumerationRequest<T> Next(GrainCallDispatcher dispatcher, AsyncEnumerableGrainMethod<T> method, Guid enumeratorId) =>
        new(dispatcher, method, null, enumeratorId);

    public override void Start(ActivationData activation)
    {
        _activation = activation;
        if (Volatile.Read(ref _done) != 0)
        {
            activation.OnRequestCompleted(this, null);
            return;
        }

        GrainEnumeratorState<T> state;
        try
        {
            state = _args is not null ? Open(activation) : (GrainEnumeratorState<T>?)activation.GetEnumerator(EnumeratorId)
                ?? throw new EnumerationAbortedException($"The enumerator of {_method.DisplayName} on {activation.GrainId} no longer exists (the activation was replaced or the enumerator expired).");
        }
        catch (Exception e)
        {
            Finish(null, e);
            return;
        }

        _ = FillAsync(activation, state);
    }

    private GrainEnumeratorState<T> Open(ActivationData activation)
    {
        var cancellation = new CancellationTokenSource();
        var args = _args!;
        if (_method.CancellationTokenIndex >= 0)
        {
            args[_method.CancellationTokenIndex] = cancellation.Token;
        }

        var enumerable = _method.Invoker(activation.GrainInstance!, args);
        var state = new GrainEnumeratorState<T>(enumerable.GetAsyncEnumerator(cancellation.Token), cancellation);
        activation.AddEnumerator(EnumeratorId, state);
        return state;
    }

    // Runs on the activation's turn (awaits resume there).
    private async Task FillAsync(ActivationData activation, GrainEnumeratorState<T> state)
    {
        var items = new List<T>();
        var completed = false;
        state.Filling = true;
        try
        {
            if (state.PendingError is { } earlier)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(earlier).Throw();
            }

            while (items.Count < _dispatcher.AsyncEnumerableBatchSize)
            {
                var move = state.PendingMove ?? state.Inner.MoveNextAsync();
                state.PendingMove = null;
                if (!move.IsCompleted && items.Count > 0)
                {
                    state.PendingMove = move;
                    break;
                }

                if (!await move)
                {
                    completed = true;
                    break;
                }

                items.Add(DeepCopier.Copy(state.Inner.Current));
            }
        }
        catch (Exception e) when (items.Count > 0 && !state.Abandoned)
        {
            // Deliver the items produced before the failure; the next round trip reports it.
            state.Filling = false;
            state.PendingError = e;
            Finish(new EnumerationBatch<T>(items, false), null);
            return;
        }
        catch (Exception e)
        {
            state.Filling = false;
            activation.RemoveEnumerator(EnumeratorId);
            await DisposeQuietly(state);
            Finish(null, e);
            return;
        }

        state.Filling = false;
        if (completed || state.Abandoned)
        {
            activation.RemoveEnumerator(EnumeratorId);
            await DisposeQuietly(state);
        }

        Finish(new EnumerationBatch<T>(items, completed), null);
    }

    private static async Task DisposeQuietly(GrainEnumeratorState<T> state)
    {
        try
        {
            await state.DisposeAsync();
        }
        catch (Exception)
        {
            // The enumeration already failed or ended; its disposal error has nowhere better to go.
        }
    }

    private void Finish(EnumerationBatch<T>? batch, Exception? error)
    {
        _activation!.OnRequestCompleted(this, error);
        _dispatcher.Timeouts.Unregister(this);
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        if (error is not null)
        {
            CallerCompletion.SetException(_caller, error);
        }
        else
        {
            CallerCompletion.SetResult(_caller, batch!);
        }
    }

    public override void Reject(Exception reason)
    {
        _dispatcher.Timeouts.Unregister(this);
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            CallerCompletion.SetException(_caller, reason);
        }
    }

    public override void OnTimeout()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _caller.TrySetException(new TimeoutException(
                $"Response did not arrive on time in {_dispatcher.TimeoutOf(_method)} for the next items of {_method.DisplayName}."));
        }
    }

    public void Cancel(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _dispatcher.Timeouts.Unregister(this);
            _caller.TrySetCanceled(token);
        }
    }

    public override string ToString() => $"{_method.DisplayName} (streamed, enumerator {EnumeratorId:N})";
}
