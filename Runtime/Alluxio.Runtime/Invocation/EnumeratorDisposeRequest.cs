using Alluxio.Runtime.Activation;

namespace Alluxio.Runtime.Invocation;

/// <summary>Closes a grain's open enumerator when the caller disposes its side early. Interleaves with anything.</summary>
internal sealed class EnumeratorDisposeRequest : Request
{
    private readonly Guid _enumeratorId;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivationData? _activation;

    public EnumeratorDisposeRequest(Guid enumeratorId)
    {
        _enumeratorId = enumeratorId;
        IsAlwaysInterleave = true;
        KeepAlive = false;
    }

    public Task Task => _done.Task;

    public override bool FollowsGrain => false;

    public override void Start(ActivationData activation)
    {
        _activation = activation;
        var state = activation.GetEnumerator(_enumeratorId);
        if (state is null)
        {
            activation.OnRequestCompleted(this, null);
            _done.TrySetResult();
            return;
        }

        if (state.Filling)
        {
            // A batch is running (this request interleaves): cancel it and let it dispose the enumerator when it ends.
            state.Cancel();
            state.Abandoned = true;
            activation.OnRequestCompleted(this, null);
            _done.TrySetResult();
            return;
        }

        activation.RemoveEnumerator(_enumeratorId);
        _ = DisposeAsync(activation, state);
    }

    private async Task DisposeAsync(ActivationData activation, IGrainEnumeratorState state)
    {
        try
        {
            state.Cancel();
            await state.DisposeAsync();
        }
        catch (Exception)
        {
            // The caller abandoned the enumeration; an error while closing it is of no use to anyone.
        }

        activation.OnRequestCompleted(this, null);
        _done.TrySetResult();
    }

    public override void Reject(Exception reason) => _done.TrySetResult();

    public override string ToString() => $"dispose enumerator {_enumeratorId:N} on {_activation?.GrainId}";
}
