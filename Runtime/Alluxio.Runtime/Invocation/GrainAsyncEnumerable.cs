using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.References;

namespace Alluxio.Runtime.Invocation;

/// <summary>
/// The caller's view of a grain method returning IAsyncEnumerable: each enumeration calls the grain method anew and
/// pulls items in batches from the activation that opened it. If that activation goes away mid-enumeration, the next
/// move fails with <see cref="EnumerationAbortedException"/>.
/// </summary>
internal sealed class GrainAsyncEnumerable<T>(GrainCallDispatcher dispatcher, AsyncEnumerableGrainMethod<T> method, GrainProxy reference, object?[] args)
    : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var copy = (object?[])args.Clone();
        method.CopyArguments(copy);
        if (method.CancellationTokenIndex >= 0 && !cancellationToken.CanBeCanceled)
        {
            cancellationToken = (CancellationToken)args[method.CancellationTokenIndex]!;
        }

        return new Enumerator(dispatcher, method, reference.GrainId, copy, cancellationToken);
    }

    private sealed class Enumerator(GrainCallDispatcher dispatcher, AsyncEnumerableGrainMethod<T> method, GrainId grainId, object?[] args, CancellationToken token)
        : IAsyncEnumerator<T>
    {
        private List<T>? _batch;
        private int _index;
        private bool _completed;
        private bool _started;
        private Guid _enumeratorId;
        private ActivationData? _activation;

        public T Current { get; private set; } = default!;

        public async ValueTask<bool> MoveNextAsync()
        {
            if (_batch is not null && ++_index < _batch.Count)
            {
                Current = _batch[_index];
                return true;
            }

            while (!_completed)
            {
                token.ThrowIfCancellationRequested();
                var request = _started
                    ? EnumerationRequest<T>.Next(dispatcher, method, _enumeratorId)
                    : EnumerationRequest<T>.First(dispatcher, method, args);
                dispatcher.TrackTimeout(request, method);
                if (!_started)
                {
                    _started = true;
                    _enumeratorId = request.EnumeratorId;
                    dispatcher.Catalog.Dispatch(grainId, request);
                }
                else if (!_activation!.TryEnqueue(request))
                {
                    _completed = true;
                    dispatcher.Timeouts.Unregister(request);
                    throw new EnumerationAbortedException($"The activation of {grainId} serving {method.DisplayName} went away during the enumeration.");
                }

                EnumerationBatch<T> batch;
                using (token.UnsafeRegister(static (s, t) => ((EnumerationRequest<T>)s!).Cancel(t), request))
                {
                    try
                    {
                        batch = await request.Task.ConfigureAwait(false);
                    }
                    catch
                    {
                        _completed = true;
                        _activation = request.Activation ?? _activation;
                        await CloseOnGrainAsync().ConfigureAwait(false);
                        throw;
                    }
                }

                _activation = request.Activation;
                _completed = batch.Completed;
                if (batch.Items.Count > 0)
                {
                    _batch = batch.Items;
                    _index = 0;
                    Current = _batch[0];
                    return true;
                }
            }

            return false;
        }

        public async ValueTask DisposeAsync()
        {
            if (_started && !_completed)
            {
                _completed = true;
                await CloseOnGrainAsync().ConfigureAwait(false);
            }
        }

        private async Task CloseOnGrainAsync()
        {
            if (_activation is null)
            {
                return;
            }

            var close = new EnumeratorDisposeRequest(_enumeratorId);
            if (_activation.TryEnqueue(close))
            {
                await close.Task.ConfigureAwait(false);
            }
        }
    }
}
